"""Re-run a notebook's quick cells plus the `#| slow` cells that contain one of the given strings, and save it:
`python tools/run_cells.py nbs/tutorials/squad_cpu_full.ipynb "minilm-squad-b16" ...`.

For notebooks whose slow cells took hours in all: the slow cells not named keep the outputs they were saved with (so the
saved notebook can mix runs from different days: each such cell's text says when and where it was measured). The
notebook runs in its own folder, like `nbdev-test`; stderr streams are dropped and `nbdev-clean` runs afterwards.
Environment: CELL_TIMEOUT=seconds per cell (default: none).
"""
import sys, os
from pathlib import Path
from execnb.shell import CaptureShell, read_nb, write_nb
sys.path.insert(0, str(Path(__file__).parent))
from save_outputs import finish

def _directives(src:str) -> set[str]:
    return {l[3:].strip() for l in src.splitlines() if l.startswith('#| ')}

def run_cells(path:str, keys:list[str]):
    path = Path(path).resolve()
    nb = read_nb(path)
    def skip(c):
        if c.cell_type != 'code': return True
        d = _directives(c.source)
        if 'eval: false' in d: return True
        return 'slow' in d and not any(k in c.source for k in keys)
    ran = [i for i, c in enumerate(nb.cells) if not skip(c) and 'slow' in _directives(c.source)]
    if not ran: sys.exit(f"No #| slow cell of {path.name} contains any of {keys}.")
    print(f"{path.name}: running the quick cells and slow cells {ran}")
    cwd = os.getcwd(); os.chdir(path.parent)
    try:
        sh = CaptureShell()
        timeout = int(os.environ['CELL_TIMEOUT']) if os.environ.get('CELL_TIMEOUT') else None
        sh.run_all(nb, exc_stop=True, preproc=skip, cell_timeout=timeout)
    finally: os.chdir(cwd)
    write_nb(nb, path)
    finish(path)

if __name__ == '__main__':
    if len(sys.argv) < 3: sys.exit(__doc__)
    run_cells(sys.argv[1], sys.argv[2:])
