#!/usr/bin/env python3
"""Draws the ORC AI Desk icon (an orca leaping over a wave on a deep-blue
rounded square) as resources/icon.svg and a 512x512 resources/icon.png.
Standard library only: shapes are flattened to polygons and scan-filled with
4x vertical supersampling and exact horizontal coverage."""
import math
import os
import struct
import zlib

SIZE = 512
SUB = 4
HERE = os.path.dirname(os.path.abspath(__file__))

TOP, BOTTOM = (0x1D, 0x5B, 0xC9), (0x0A, 0x28, 0x6A)
BODY, WHITE, SADDLE, WAVE = (0x06, 0x0E, 0x1E), (0xF4, 0xF8, 0xFF), (0x4A, 0x58, 0x72), (0x7C, 0xB4, 0xFF)

ORCA = [  # cubic Bézier segments after the start point, orca swimming right
    (424, 266),
    ((418, 236), (360, 214), (300, 214)),
    ((292, 180), (282, 130), (262, 104)),
    ((258, 150), (250, 196), (238, 222)),
    ((200, 230), (160, 246), (128, 262)),
    ((108, 252), (84, 234), (56, 232)),
    ((74, 250), (92, 264), (104, 272)),
    ((88, 282), (70, 298), (52, 310)),
    ((84, 310), (110, 300), (130, 290)),
    ((190, 320), (280, 336), (350, 320)),
    ((392, 312), (420, 296), (424, 266)),
]
WAVE_PATH = [(104, 392), ((168, 364), (232, 420), (296, 392)), ((352, 366), (392, 398), (424, 386))]
WAVE_WIDTH = 20


def bezier(p0, c1, c2, p3, steps=24):
    out = []
    for i in range(1, steps + 1):
        t = i / steps
        u = 1 - t
        out.append((u**3 * p0[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t**3 * p3[0],
                    u**3 * p0[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t**3 * p3[1]))
    return out


def flatten(path):
    points = [path[0]]
    for c1, c2, end in path[1:]:
        points += bezier(points[-1], c1, c2, end)
    return points


def rounded_rect(x, y, w, h, r, steps=16):
    pts = []
    for cx, cy, start in ((x + w - r, y + r, -90), (x + w - r, y + h - r, 0), (x + r, y + h - r, 90), (x + r, y + r, 180)):
        for i in range(steps + 1):
            a = math.radians(start + 90 * i / steps)
            pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def ellipse(cx, cy, rx, ry, rot_deg, steps=64):
    a = math.radians(rot_deg)
    return [(cx + rx * math.cos(t) * math.cos(a) - ry * math.sin(t) * math.sin(a),
             cy + rx * math.cos(t) * math.sin(a) + ry * math.sin(t) * math.cos(a))
            for t in (2 * math.pi * i / steps for i in range(steps))]


def thick_line(points, width):
    left, right = [], []
    for i, (x, y) in enumerate(points):
        x0, y0 = points[max(i - 1, 0)]
        x1, y1 = points[min(i + 1, len(points) - 1)]
        dx, dy = x1 - x0, y1 - y0
        n = math.hypot(dx, dy) or 1
        nx, ny = -dy / n * width / 2, dx / n * width / 2
        left.append((x + nx, y + ny))
        right.append((x - nx, y - ny))
    cap = lambda c, d, s: [(c[0] + width / 2 * math.cos(s + math.pi * k / 12), c[1] + width / 2 * math.sin(s + math.pi * k / 12)) for k in range(13)]
    (ax, ay), (bx, by) = points[0], points[1]
    start = math.atan2(by - ay, bx - ax) + math.pi / 2
    (cx, cy), (dx_, dy_) = points[-1], points[-2]
    end = math.atan2(dy_ - cy, dx_ - cx) + math.pi / 2
    return left + cap(points[-1], None, end) + right[::-1] + cap(points[0], None, start)


def coverage(poly):
    cov = [[0.0] * SIZE for _ in range(SIZE)]
    edges = list(zip(poly, poly[1:] + poly[:1]))
    for sy in range(SIZE * SUB):
        y = (sy + 0.5) / SUB
        xs = sorted(x0 + (y - y0) * (x1 - x0) / (y1 - y0) for (x0, y0), (x1, y1) in edges if (y0 <= y < y1) or (y1 <= y < y0))
        row = cov[sy // SUB]
        for a, b in zip(xs[0::2], xs[1::2]):
            a, b = max(a, 0.0), min(b, float(SIZE))
            if b <= a:
                continue
            ia, ib = int(a), int(b)
            if ia == ib:
                row[ia] += (b - a) / SUB
                continue
            row[ia] += (ia + 1 - a) / SUB
            for i in range(ia + 1, min(ib, SIZE)):
                row[i] += 1 / SUB
            if ib < SIZE:
                row[ib] += (b - ib) / SUB
    return cov


PATCHES = [  # (cx, cy, rx, ry, rotation), colour; clipped to the body
    ((334, 328, 110, 26, -8), WHITE),
    ((340, 246, 21, 8, -10), WHITE),
    ((222, 222, 34, 9, 4), SADDLE),
]


def clip(cov, mask):
    return [[min(a, b) for a, b in zip(r1, r2)] for r1, r2 in zip(cov, mask)]


def render():
    img = [[[0.0, 0.0, 0.0, 0.0] for _ in range(SIZE)] for _ in range(SIZE)]
    frame = rounded_rect(32, 32, 448, 448, 100)
    body = coverage(flatten(ORCA))
    layers = [
        (coverage(frame), None),
        (coverage(thick_line(flatten(WAVE_PATH), WAVE_WIDTH)), WAVE),
        (body, BODY),
    ] + [(clip(coverage(ellipse(*e)), body), c) for e, c in PATCHES]
    for cov, color in layers:
        for y in range(SIZE):
            t = (y - 32) / 448
            grad = tuple(TOP[i] + (BOTTOM[i] - TOP[i]) * min(max(t, 0), 1) for i in range(3))
            c = color or grad
            for x in range(SIZE):
                k = min(cov[y][x], 1.0)
                if k <= 0:
                    continue
                px = img[y][x]
                out_a = k + px[3] * (1 - k)
                for i in range(3):
                    px[i] = (c[i] * k + px[i] * px[3] * (1 - k)) / out_a
                px[3] = out_a
    return img


def write_png(img, path):
    raw = b''.join(b'\x00' + bytes(v for px in row for v in (round(px[0]), round(px[1]), round(px[2]), round(px[3] * 255))) for row in img)
    chunk = lambda tag, data: struct.pack('>I', len(data)) + tag + data + struct.pack('>I', zlib.crc32(tag + data) & 0xFFFFFFFF)
    png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', SIZE, SIZE, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
    with open(path, 'wb') as f:
        f.write(png)


def svg_path(path):
    d = 'M%g %g' % path[0] + ''.join(' C%g %g %g %g %g %g' % (c1 + c2 + end) for c1, c2, end in path[1:])
    return d + ' Z'


def write_svg(path):
    hexc = lambda c: '#%02x%02x%02x' % c
    wave_d = svg_path(WAVE_PATH)[:-2]
    patches = ''.join(f'    <ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}" transform="rotate({r} {cx} {cy})" fill="{hexc(c)}"/>\n'
                      for (cx, cy, rx, ry, r), c in PATCHES)
    svg = f'''<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <title>ORC AI Desk</title>
  <defs>
    <linearGradient id="bg" x1="0" y1="32" x2="0" y2="480" gradientUnits="userSpaceOnUse">
      <stop offset="0" stop-color="{hexc(TOP)}"/>
      <stop offset="1" stop-color="{hexc(BOTTOM)}"/>
    </linearGradient>
  </defs>
  <rect x="32" y="32" width="448" height="448" rx="100" fill="url(#bg)"/>
  <path d="{wave_d}" fill="none" stroke="{hexc(WAVE)}" stroke-width="{WAVE_WIDTH}" stroke-linecap="round"/>
  <clipPath id="orca"><path d="{svg_path(ORCA)}"/></clipPath>
  <path d="{svg_path(ORCA)}" fill="{hexc(BODY)}"/>
  <g clip-path="url(#orca)">
{patches}  </g>
</svg>
'''
    with open(path, 'w') as f:
        f.write(svg)


if __name__ == '__main__':
    write_svg(os.path.join(HERE, 'icon.svg'))
    write_png(render(), os.path.join(HERE, 'icon.png'))
