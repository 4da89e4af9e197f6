"""Build the docs site offline, without Quarto: `make docs-offline` (pages land in `_docs_offline/`).

The same notebooks that Quarto renders on GitHub (`nbdev-docs`) are processed by nbdev (`nbdev-proc-nbs`: front
matter, `show_doc` for every exported function, links between pages), then rendered to HTML with nbconvert. Cells
marked `#| hide` are dropped, `#| echo: false` cells show only their output, and a sidebar lists the notebooks in
order, as on the Quarto site.
"""
import re, sys, subprocess, html, yaml
from pathlib import Path
import nbformat
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT/'_docs_offline'
SITE = 'https://qa-nb.github.io/qa_nb/'

def page_name(nb:Path) -> str:
    "`00_core.ipynb` -> `core.html` (nbdev's URL scheme)."
    rel = nb.relative_to(ROOT/'_proc')
    return str(rel.with_name(re.sub(r'^\d+[a-zA-Z0-9]*_', '', rel.name.lower())).with_suffix('.html'))

def prep(nb):
    "Apply the Quarto cell directives nbconvert doesn't know; return the page title."
    title, cells = None, []
    for c in nb.cells:
        src = c.source
        if c.cell_type == 'raw' and src.startswith('---'):
            fm = yaml.safe_load(src.strip().strip('-')) or {}
            title, desc = fm.get('title'), fm.get('description')
            cells.append(nbformat.v4.new_markdown_cell(f"# {title}\n\n> {desc}" if desc else f"# {title}"))
            continue
        if c.cell_type == 'code':
            lines = src.splitlines()
            directives = [l for l in lines if l.startswith('#|')]
            if any(re.match(r'#\|\s*(hide|include:\s*false)', d) for d in directives): continue
            c.source = '\n'.join(l for l in lines if not l.startswith('#|'))
            if any(re.match(r'#\|\s*echo:\s*false', d) for d in directives): c.metadata['tags'] = ['remove_input']
            c.outputs = [o for o in c.get('outputs', []) if not (o.get('output_type') == 'stream' and o.get('name') == 'stderr')]
        c.metadata = {k: v for k, v in c.metadata.items() if k == 'tags'}
        for k in [k for k in c if k not in ('cell_type', 'id', 'metadata', 'source', 'outputs', 'execution_count', 'attachments')]: del c[k]
        cells.append(c)
    nb.cells = cells
    return title or 'qa_nb'

def sidebar(pages, current):
    items = ''.join(f'<li{" class=cur" if p == current else ""}><a href="{"../" * current.count("/")}{p}">{html.escape(t)}</a></li>'
                    for p, t in pages)
    return f'<nav id="qa-sidebar"><a class="home" href="{"../" * current.count("/")}index.html">qa_nb</a><ul>{items}</ul></nav>'

STYLE = """<style>#qa-sidebar{position:fixed;top:0;left:0;width:210px;height:100%;overflow:auto;padding:12px;
background:#f6f8fa;border-right:1px solid #ddd;font:14px sans-serif}#qa-sidebar ul{list-style:none;padding:0}
#qa-sidebar li{margin:6px 0}#qa-sidebar .cur a{font-weight:bold}#qa-sidebar .home{font-size:18px;font-weight:bold}
body{margin-left:240px !important}</style>"""

def build(run_proc=True):
    if run_proc: subprocess.run(['nbdev-proc-nbs'], cwd=ROOT, check=True)
    nbs = sorted(p for p in (ROOT/'_proc').rglob('*.ipynb') if not any(part.startswith(('_', '.')) for part in p.relative_to(ROOT/'_proc').parts))
    nbs.sort(key=lambda p: (p.name != 'index.ipynb', str(p)))
    from traitlets.config import Config
    cfg = Config({'TagRemovePreprocessor': {'enabled': True, 'remove_input_tags': {'remove_input'}}})
    exp = HTMLExporter(config=cfg, template_name='lab', exclude_input_prompt=True, exclude_output_prompt=True)
    loaded = []
    for p in nbs:
        nb = nbformat.read(p, as_version=4)
        loaded.append((p, nb, prep(nb)))
    pages = [(page_name(p), t) for p, _, t in loaded]
    OUT.mkdir(exist_ok=True)
    for (p, nb, title), (name, _) in zip(loaded, pages):
        body, _ = exp.from_notebook_node(nb, resources={'metadata': {'name': title}})
        body = body.replace(SITE, '../' * name.count('/'))  # links between pages stay local
        body = re.sub(r'\{target="_blank"[^}]*\}', '', body)  # Quarto link attributes nbconvert shows as text
        body = body.replace('<body', STYLE + '<body', 1)
        body = re.sub(r'(<body[^>]*>)', lambda m: m.group(1) + sidebar(pages, name), body, count=1)
        (OUT/name).parent.mkdir(parents=True, exist_ok=True)
        (OUT/name).write_text(body, encoding='utf-8')
    print(f"{len(pages)} pages in {OUT}")
    return OUT

if __name__ == '__main__': build(run_proc='--no-proc' not in sys.argv)
