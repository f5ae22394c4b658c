/**
 * The media type of a file from its first bytes (magic numbers), never from its name:
 * PDF `%PDF-`, JPEG `FF D8 FF`, PNG `89 50 4E 47 0D 0A 1A 0A`. Anything else is refused.
 */
export function sniffMediaType(
  content: Buffer,
): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (content.length >= 5 && content.subarray(0, 5).toString('latin1') === '%PDF-')
    return 'application/pdf';
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff)
    return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (content.length >= 8 && png.every((byte, index) => content[index] === byte))
    return 'image/png';
  return null;
}
