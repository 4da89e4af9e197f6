"""Write README.md from nbs/index.ipynb without Quarto (which `nbdev-readme` needs).

Markdown cells are copied as they are; visible code cells become ```python blocks followed by their text outputs;
`#| hide` cells are skipped. Run it with `make readme`; CI's `make sync-check` fails when README.md is stale.
"""
import nbformat
from pathlib import Path

def cell_md(cell):
    src = cell.source.strip()
    if cell.cell_type == 'markdown': return src
    if cell.cell_type != 'code' or not src or src.startswith('#| hide'): return ''
    code = '\n'.join(l for l in src.splitlines() if not l.startswith('#|'))
    outs = []
    for o in cell.get('outputs', []):
        txt = o.get('text') or o.get('data', {}).get('text/markdown') or o.get('data', {}).get('text/plain')
        if txt: outs.append(''.join(txt).rstrip())
    md = f"```python\n{code}\n```"
    return md + ''.join(f"\n\n```\n{t}\n```" for t in outs)

def main(nb='nbs/index.ipynb', out='README.md'):
    nb = nbformat.read(nb, as_version=4)
    parts = [p for p in map(cell_md, nb.cells) if p]
    text = "<!-- generated from nbs/index.ipynb by `make readme`: edit the notebook, not this file -->\n\n" + '\n\n'.join(parts) + '\n'
    Path(out).write_text(text, encoding='utf-8')

if __name__ == '__main__': main()
