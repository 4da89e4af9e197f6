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

if __name__ == '__main__':
    for name, f in list(globals().items()):
        if name.startswith('test_'): f(); print(f"{name}: ok")
