export function solver(): string {
  return 'solver';
}
