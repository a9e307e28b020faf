#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# bench-chart.py - the PNG chart of one run-bench.sh run: TSC cycles per packet of each path
# (stock igb first) in each device mode, one group of bars per mode, each bar labelled with
# its cycles and its same-round ratio to stock; instructions per packet (callgrind) beside.
# Usage: bench-chart.py TABLE OUT.png [TITLE]
#   TABLE: lines "path mode cycles ratio" and "path instr ipp ratio" ("n/a" where missing)
import sys

COLOURS = {'stock': '#8c8c8c', 'scalar': '#4c72b0', 'sse': '#55a868', 'avx2': '#c44e52'}
MODE_NOTES = {
    'sync': 'sync\n(device between bursts,\nits lines stay in cache)',
    'concurrent': 'concurrent\n(device on the other CPU)',
    'dma': 'dma\n(device between bursts,\nits lines evicted)',
}


def number(s):
    try:
        return float(s)
    except ValueError:
        return None


def read_table(path):
    cycles, instr, paths, modes = {}, {}, [], []
    with open(path) as f:
        for line in f:
            fields = line.split()
            if len(fields) != 4:
                continue
            p, m, v, r = fields
            if p not in paths:
                paths.append(p)
            if m == 'instr':
                instr[p] = (number(v), number(r))
                continue
            if m not in modes:
                modes.append(m)
            cycles[(p, m)] = (number(v), number(r))
    return cycles, instr, paths, modes


def main():
    if len(sys.argv) < 3:
        sys.exit('usage: bench-chart.py TABLE OUT.png [TITLE]')
    try:
        import matplotlib
        matplotlib.use('Agg')
        import matplotlib.pyplot as plt
    except ImportError:
        sys.exit('bench-chart: python3-matplotlib is not installed (make setup installs it)')
    cycles, instr, paths, modes = read_table(sys.argv[1])
    if not cycles:
        sys.exit('bench-chart: no figures in ' + sys.argv[1])
    title = sys.argv[3] if len(sys.argv) > 3 else 'igbx vs stock igb: io forwarding'
    with_instr = any(v[0] for v in instr.values())
    fig, axes = plt.subplots(1, 2 if with_instr else 1, figsize=(13 if with_instr else 9, 5.2),
                             gridspec_kw={'width_ratios': [3, 1]} if with_instr else None,
                             squeeze=False)
    ax = axes[0][0]
    width = 0.8 / len(paths)
    top = max(v[0] for v in cycles.values() if v[0]) or 1
    for i, p in enumerate(paths):
        xs, ys, labels = [], [], []
        for j, m in enumerate(modes):
            v, r = cycles.get((p, m), (None, None))
            if v is None:
                continue
            xs.append(j + (i - (len(paths) - 1) / 2) * width)
            ys.append(v)
            labels.append('%.1f' % v + ('' if p == 'stock' or r is None else '\n%.2fx' % r))
        bars = ax.bar(xs, ys, width * 0.92, label=p, color=COLOURS.get(p))
        for b, t in zip(bars, labels):
            ax.text(b.get_x() + b.get_width() / 2, b.get_height() + top * 0.01, t,
                    ha='center', va='bottom', fontsize=7.5)
    ax.set_xticks(range(len(modes)))
    ax.set_xticklabels([MODE_NOTES.get(m, m) for m in modes], fontsize=8.5)
    ax.set_ylabel('TSC cycles per packet (rx_burst + tx_burst)')
    ax.set_ylim(0, top * 1.22)
    ax.set_title('cycles/packet by device mode (label: cycles, x stock)', fontsize=10)
    ax.legend(fontsize=8.5)
    ax.grid(axis='y', alpha=0.3)
    if with_instr:
        ax2 = axes[0][1]
        ps = [p for p in paths if instr.get(p, (None,))[0]]
        bars = ax2.bar(range(len(ps)), [instr[p][0] for p in ps],
                       color=[COLOURS.get(p) for p in ps])
        for b, p in zip(bars, ps):
            ax2.text(b.get_x() + b.get_width() / 2, b.get_height() * 1.01,
                     '%.1f' % instr[p][0], ha='center', va='bottom', fontsize=8)
        ax2.set_xticks(range(len(ps)))
        ax2.set_xticklabels(ps, fontsize=8.5)
        ax2.set_title('instructions/packet (callgrind)', fontsize=10)
        ax2.set_ylim(0, max(instr[p][0] for p in ps) * 1.15)
        ax2.grid(axis='y', alpha=0.3)
    fig.suptitle(title, fontsize=11)
    fig.tight_layout()
    fig.savefig(sys.argv[2], dpi=100)
    print('chart: %s' % sys.argv[2])


if __name__ == '__main__':
    main()
