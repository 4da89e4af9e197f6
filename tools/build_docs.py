"""Build the docs site offline, without Quarto: `make docs-offline` (pages land in `_docs_offline/`).

The same notebooks that Quarto renders on GitHub (`nbdev-docs`) are processed by nbdev (`nbdev-proc-nbs`: front
matter, `show_doc` for every exported function, links between pages), then rendered to HTML with nbconvert. Cells
marked `#| hide` are dropped, `#| echo: false` cells show only their output, and the sidebar of `nbs/sidebar.yml` (its
sections too) lists the pages, as on the Quarto site. Markdown pages (`nbs/*.md`: Results, Benchmarks, ...) are rendered
as well, with their front matter and Quarto's `{{< include file >}}` expanded.
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

def ignored(rel:Path) -> bool:
    "Whether git ignores `nbs/rel`: files a notebook run left in nbs/ (a model folder's card in `runs/`) are no pages."
    return subprocess.run(['git', 'check-ignore', '-q', str(Path('nbs')/rel)], cwd=ROOT).returncode == 0

def md_page(p:Path):
    "A Markdown page as a notebook: its front matter as the raw cell Quarto reads, `{{< include file >}}` expanded."
    t = p.read_text(encoding='utf-8')
    t = re.sub(r'\{\{<\s*include\s+(\S+)\s*>\}\}', lambda m: (p.parent/m.group(1)).read_text(encoding='utf-8'), t)
    cells = []
    if t.startswith('---\n') and '\n---\n' in t[4:]:
        fm, t = t[4:].split('\n---\n', 1)
        cells.append(nbformat.v4.new_raw_cell(f'---\n{fm}\n---'))
    cells.append(nbformat.v4.new_markdown_cell(t.strip()))
    return nbformat.v4.new_notebook(cells=cells)

def nav(pages:dict):
    "The sidebar's entries from `nbs/sidebar.yml`: (section or None, [(page, title)]); pages it doesn't list come last."
    items = yaml.safe_load((ROOT/'nbs'/'sidebar.yml').read_text())['website']['sidebar']['contents']
    out, seen = [], set()
    for it in items:
        sec, srcs = (it.get('section'), it.get('contents', [])) if isinstance(it, dict) else (None, [it])
        entries = [pages[s] for s in srcs if s in pages]
        seen.update(srcs)
        if sec is None and out and out[-1][0] is None: out[-1][1].extend(entries)
        else: out.append((sec, entries))
    rest = [v for k, v in pages.items() if k not in seen]
    return out + ([('More', rest)] if rest else [])

def sidebar(groups, current):
    up = "../" * current.count("/")
    li = lambda p, t: f'<li{" class=cur" if p == current else ""}><a href="{up}{p}">{html.escape(t)}</a></li>'
    body = ''.join((f'<li class="sec"><span>{html.escape(sec)}</span><ul>' if sec else '') + ''.join(li(p, t) for p, t in entries) + ('</ul></li>' if sec else '')
                   for sec, entries in groups)
    return f'<nav id="qa-sidebar"><a class="home" href="{up}index.html">qa_nb</a><ul>{body}</ul></nav>'

STYLE = """<style>#qa-sidebar{position:fixed;top:0;left:0;width:210px;height:100%;overflow:auto;padding:12px;
background:#f6f8fa;border-right:1px solid #ddd;font:14px sans-serif}#qa-sidebar ul{list-style:none;padding:0}
#qa-sidebar li{margin:6px 0}#qa-sidebar .cur a{font-weight:bold}#qa-sidebar .home{font-size:18px;font-weight:bold}
#qa-sidebar .sec>span{display:block;margin-top:10px;font-weight:bold;color:#555;text-transform:uppercase;font-size:12px}
#qa-sidebar .sec ul{padding-left:8px}
body{margin-left:240px !important}</style>"""

def build(run_proc=True):
    if run_proc: subprocess.run(['nbdev-proc-nbs'], cwd=ROOT, check=True)
    nbs = sorted(p for p in (ROOT/'_proc').rglob('*') if p.suffix in ('.ipynb', '.md')
                 and not any(part.startswith(('_', '.')) for part in p.relative_to(ROOT/'_proc').parts)
                 and not ignored(p.relative_to(ROOT/'_proc')))
    nbs.sort(key=lambda p: (p.name != 'index.ipynb', str(p)))
    from traitlets.config import Config
    cfg = Config({'TagRemovePreprocessor': {'enabled': True, 'remove_input_tags': {'remove_input'}}})
    exp = HTMLExporter(config=cfg, template_name='lab', exclude_input_prompt=True, exclude_output_prompt=True)
    loaded = []
    for p in nbs:
        nb = md_page(p) if p.suffix == '.md' else nbformat.read(p, as_version=4)
        loaded.append((p, nb, prep(nb)))
    pages = [(page_name(p), t) for p, _, t in loaded]
    groups = nav({str(p.relative_to(ROOT/'_proc')): pt for (p, _, _), pt in zip(loaded, pages)})
    OUT.mkdir(exist_ok=True)
    for (p, nb, title), (name, _) in zip(loaded, pages):
        body, _ = exp.from_notebook_node(nb, resources={'metadata': {'name': title}})
        body = body.replace(SITE, '../' * name.count('/'))  # links between pages stay local
        body = re.sub(r'\{target="_blank"[^}]*\}', '', body)  # Quarto link attributes nbconvert shows as text
        body = body.replace('<body', STYLE + '<body', 1)
        body = re.sub(r'(<body[^>]*>)', lambda m: m.group(1) + sidebar(groups, name), body, count=1)
        (OUT/name).parent.mkdir(parents=True, exist_ok=True)
        (OUT/name).write_text(body, encoding='utf-8')
    print(f"{len(pages)} pages in {OUT}")
    return OUT

if __name__ == '__main__': build(run_proc='--no-proc' not in sys.argv)
