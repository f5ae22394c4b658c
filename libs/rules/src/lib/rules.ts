export function rules(): string {
  return 'rules';
}
