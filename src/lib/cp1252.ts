import iconv from 'iconv-lite';

/**
 * What Windows-1252 makes of the bytes 0x80–0x9F, in order (iconv-lite's
 * table): "€", U+FFFD where the code page defines no character, "‚", "ƒ"...
 * The rest of the code page is Latin-1.
 */
export const CP1252_HIGH: readonly string[] = Array.from(iconv.decode(Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i)), 'windows-1252'));
