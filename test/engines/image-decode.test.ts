import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import sharp from 'sharp';
import { decodeImage } from '../../src/engines/image/index.ts';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** A tiny PNG whose header claims `w`×`h` pixels: a decompression bomb's signature. */
const bombPng = async (w: number, h: number) => {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
    .png()
    .toBuffer();
  // IHDR starts at byte 8: length(4) type(4) width(4) height(4) … crc(4) at 29.
  png.writeUInt32BE(w, 16);
  png.writeUInt32BE(h, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
};

/** 200×100: left half red, right half blue. */
const halves = () =>
  sharp({ create: { width: 200, height: 100, channels: 3, background: '#0000ff' } }).composite([
    {
      input: { create: { width: 100, height: 100, channels: 3, background: '#ff0000' } },
      left: 0,
      top: 0,
    },
  ]);

const pixel = (img: { data: Uint8Array; width: number }, x: number, y: number) => {
  const i = (y * img.width + x) * 3;
  return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
};

test('decode', async (t) => {
  await t.test('case=EXIF orientation 6 is applied', async () => {
    const jpeg = await sharp(await halves().png().toBuffer())
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const r = await decodeImage(jpeg);
    assert.ok(r.ok);
    assert.deepEqual([r.image.width, r.image.height], [100, 200]);
    const [red, , blue] = pixel(r.image, 50, 20); // stored left half → displayed top
    assert.ok(red! > 200 && blue! < 60, `top is red, got ${pixel(r.image, 50, 20)}`);
  });

  for (const format of ['png', 'webp', 'gif', 'tiff'] as const) {
    await t.test(`case=${format} decodes to RGB`, async () => {
      const buf = await halves()[format]().toBuffer();
      const r = await decodeImage(buf);
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(r.format, format);
      assert.equal(r.image.data.length, 200 * 100 * 3);
    });
  }

  await t.test('case=greyscale becomes 3 channels', async () => {
    const buf = await halves().greyscale().jpeg().toBuffer();
    const r = await decodeImage(buf);
    assert.ok(r.ok);
    assert.equal(r.image.data.length, r.image.width * r.image.height * 3);
  });

  await t.test('case=large image is pre-resized', async () => {
    const buf = await sharp({
      create: { width: 4000, height: 3000, channels: 3, background: '#888' },
    })
      .jpeg()
      .toBuffer();
    const r = await decodeImage(buf, { maxSide: 1280 });
    assert.ok(r.ok);
    assert.deepEqual([r.image.width, r.image.height, r.original.width], [1280, 960, 4000]);
  });

  await t.test('case=decompression bomb refused from the header', async () => {
    const bomb = await bombPng(60000, 60000);
    assert.ok(bomb.length < 200);
    const r = await decodeImage(bomb);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.code, 'image_too_large');
  });

  await t.test('case=pixel cap below the real size', async () => {
    const buf = await halves().png().toBuffer();
    const r = await decodeImage(buf, { maxPixels: 10_000 });
    assert.equal(!r.ok && r.code, 'image_too_large');
  });

  await t.test('case=over-size payload', async () => {
    const buf = await halves().png().toBuffer();
    const r = await decodeImage(buf, { maxBytes: 100 });
    assert.equal(!r.ok && r.code, 'image_too_large');
  });

  const invalid: [string, Buffer][] = [
    ['random bytes', randomBytes(4096)],
    ['empty', Buffer.alloc(0)],
    ['svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')],
    ['truncated jpeg header', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])],
  ];
  for (const [name, buf] of invalid) {
    await t.test(`case=${name} is image_invalid`, async () => {
      const r = await decodeImage(buf);
      assert.equal(!r.ok && r.code, 'image_invalid', JSON.stringify(r));
    });
  }

  await t.test('case=truncated jpeg body', async () => {
    const buf = await halves().jpeg().toBuffer();
    const r = await decodeImage(buf.subarray(0, Math.floor(buf.length / 2)));
    assert.equal(r.ok, false);
  });
});
