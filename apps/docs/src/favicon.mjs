// The site's favicon.ico, drawn here (a green disc) so the build needs no binary file and the
// browser's automatic /favicon.ico request finds something.

const SIZE = 16;

/** An ICO file holding one 16x16, 32-bit image. */
export function faviconIco() {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  for (let row = 0; row < SIZE; row++) {
    for (let column = 0; column < SIZE; column++) {
      const dx = column - 7.5;
      const dy = row - 7.5;
      const inside = dx * dx + dy * dy <= 7.5 * 7.5;
      const offset = (row * SIZE + column) * 4; // rows bottom-up, but a disc is symmetric
      pixels.set(inside ? [0x3a, 0xa1, 0x25, 0xff] : [0, 0, 0, 0], offset); // BGRA
    }
  }
  const mask = Buffer.alloc(SIZE * 4); // one bit a pixel, rows padded to 32 bits: all opaque
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0);
  info.writeInt32LE(SIZE, 4);
  info.writeInt32LE(SIZE * 2, 8); // the height counts the AND mask too
  info.writeUInt16LE(1, 12);
  info.writeUInt16LE(32, 14);
  info.writeUInt32LE(pixels.length + mask.length, 20);
  const image = Buffer.concat([info, pixels, mask]);
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(SIZE, 6);
  header.writeUInt8(SIZE, 7);
  header.writeUInt16LE(1, 10);
  header.writeUInt16LE(32, 12);
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(header.length, 18);
  return Buffer.concat([header, image]);
}
