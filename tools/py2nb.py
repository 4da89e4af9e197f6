"""Convert a percent-format script (`# %%` code cells, `# %% [markdown]` markdown cells) into a notebook.

Authoring aid for contributors who prefer an editor: `python tools/py2nb.py nbs/_src/05_samples.py nbs/05_samples.ipynb`.
The notebook in `nbs/` is the source of truth; the script is scratch.
"""
import sys, re, nbformat

def convert(src, dst):
    text = open(src, encoding='utf-8').read()
    parts = re.split(r'^# %%(.*)$', text, flags=re.M)
    cells = []
    for hdr, body in zip(parts[1::2], parts[2::2]):
        body = body.strip('\n')
        if '[markdown]' in hdr:
            md = '\n'.join(l[2:] if l.startswith('# ') else l[1:] if l.startswith('#') else l for l in body.splitlines())
            cells.append(nbformat.v4.new_markdown_cell(md))
        else: cells.append(nbformat.v4.new_code_cell(body))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = {"kernelspec": {"display_name": "python3", "language": "python", "name": "python3"}}
    nbformat.write(nb, dst)

if __name__ == '__main__': convert(sys.argv[1], sys.argv[2])
