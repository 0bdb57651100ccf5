"""Replays an asciicast v2 file through pyte and prints the emulated screen.

Usage: screen.py FILE.cast [--attrs]

Feeds every "o" event into a pyte.Stream and applies every "r" event with screen.resize, then
prints one JSON object per line: a snapshot at each "m" marker and one at the end:

  {"at": "marker" | "end", "label": str | null, "time": float | null,
   "cols": int, "rows": int, "cursor": {"x": int, "y": int, "hidden": bool},
   "display": [row text, right-trimmed, ...],
   "attrs": [[ "fg|bg|flags" per cell ], ...]}   (only with --attrs)

flags holds b (bold), u (underscore), r (reverse) in that order; fg/bg are pyte's names
("default", "red", "brightred", ...) or hex strings for 256 colours.
"""
import json
import sys

import pyte


def snapshot(screen, at, label, time, attrs):
    result = {
        "at": at,
        "label": label,
        "time": time,
        "cols": screen.columns,
        "rows": screen.lines,
        "cursor": {"x": screen.cursor.x, "y": screen.cursor.y, "hidden": screen.cursor.hidden},
        "display": [line.rstrip(" ") for line in screen.display],
    }
    if attrs:
        rows = []
        for y in range(screen.lines):
            line = screen.buffer[y]
            row = []
            for x in range(screen.columns):
                cell = line[x]
                flags = ("b" if cell.bold else "") + ("u" if cell.underscore else "") + ("r" if cell.reverse else "")
                row.append(f"{cell.fg}|{cell.bg}|{flags}")
            rows.append(row)
        result["attrs"] = rows
    return json.dumps(result, ensure_ascii=False)


def main(argv):
    if len(argv) < 2:
        print("usage: screen.py FILE.cast [--attrs]", file=sys.stderr)
        return 2
    attrs = "--attrs" in argv[2:]
    with open(argv[1], encoding="utf-8") as cast:
        header = json.loads(cast.readline())
        screen = pyte.Screen(header["width"], header["height"])
        stream = pyte.Stream(screen)
        out = []
        for line in cast:
            if line == "\n":
                break
            time, code, data = json.loads(line)
            if code == "o":
                stream.feed(data)
            elif code == "r":
                cols, rows = (int(part) for part in data.split("x"))
                screen.resize(lines=rows, columns=cols)
            elif code == "m":
                out.append(snapshot(screen, "marker", data, time, attrs))
        out.append(snapshot(screen, "end", None, None, attrs))
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
