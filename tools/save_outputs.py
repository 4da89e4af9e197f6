"""Run notebooks and keep their outputs, minus noise: `python tools/save_outputs.py nbs/05_samples.ipynb ...`.

Runs each notebook with `nbdev-test --save` (so `#| slow` cells stay skipped unless `--flags slow` is passed in
FLAGS; CELL_TIMEOUT=seconds for cells that run longer than the configured 900 s), then drops stderr streams (progress bars, warnings) and runs `nbdev-clean`.
"""
import sys, os, subprocess, nbformat

def strip_stderr(path):
    nb = nbformat.read(path, as_version=4)
    for c in nb.cells:
        if c.cell_type == 'code':
            c.outputs = [o for o in c.get('outputs', []) if not (o.get('output_type') == 'stream' and o.get('name') == 'stderr')]
    nbformat.write(nb, path)

def finish(path):
    "What every saved notebook gets after a run: no stderr streams, then `nbdev-clean`."
    strip_stderr(path)
    subprocess.run(['nbdev-clean', '--fname', str(path)], check=True)

if __name__ == '__main__':
    flags = os.environ.get('FLAGS', '')
    for p in sys.argv[1:]:
        cmd = ['nbdev-test', '--save', p] + (['--flags', flags] if flags else [])
        if os.environ.get('CELL_TIMEOUT'): cmd += ['--cell-timeout', os.environ['CELL_TIMEOUT']]   # slow cells past the default 900 s
        if subprocess.run(cmd).returncode: sys.exit(f"{p} failed")
        finish(p)
