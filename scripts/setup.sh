#!/usr/bin/env bash
# Installs what Shoal needs and is missing on a Debian 12 machine: the C++
# toolchain, Emscripten, the libraries and Chromium (for the browser tests)
# from Debian's packages, and the page's tools from npm (web/package-lock.json).
set -euo pipefail

missing=()
have_command() { command -v "$1" >/dev/null 2>&1; }
have_command cmake || missing+=(cmake)
have_command g++ || missing+=(g++)
# clang and its libFuzzer runtime, for the fuzz target of the extended tests.
have_command clang++ || missing+=(clang)
ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 || missing+=(libclang-rt-dev)
have_command make || missing+=(make)
have_command em++ || missing+=(emscripten)
have_command node || missing+=(nodejs)
have_command npm || missing+=(npm)
[ "${SHOAL_SKIP_BROWSER:-0}" = 1 ] || have_command chromium || missing+=(chromium)
[ -e /usr/include/eigen3/Eigen/Dense ] || missing+=(libeigen3-dev)
[ -e /usr/include/nlohmann/json.hpp ] || missing+=(nlohmann-json3-dev)
[ -e /usr/include/doctest/doctest.h ] || missing+=(doctest-dev)
# poppler-utils: the figure-export test renders the exported PDFs.
have_command pdftoppm || missing+=(poppler-utils)
# pdfLaTeX, BibTeX, booktabs and natbib, to compile the manuscript texts
# LaTeX in the tests (about 48 MB to download).
have_command pdflatex || missing+=(texlive-latex-base)
kpsewhich booktabs.sty >/dev/null 2>&1 || missing+=(texlive-latex-recommended)
# Debian's python3 with pandas, for the cross-check of the paper's reliability.
/usr/bin/python3 -c 'import pandas' >/dev/null 2>&1 || missing+=(python3-pandas)

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The page's dependencies, exactly as locked; reinstalled when the lock changes.
cd "$(dirname "$0")/../web"
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.shoal-lock; then
  npm ci --no-fund --no-audit --loglevel=error
  cp package-lock.json node_modules/.shoal-lock
fi
