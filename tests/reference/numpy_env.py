"""How reference.py is run, and with which arithmetic.

Two ways, both used by the tests:
- `as_installed()`: NumPy as a learner's machine runs it. NumPy picks its SIMD kernels for the
  CPU (on AVX-512 machines its own `exp`, which rounds some results differently in the last
  bit from glibc's) and `libblas.so.3` is whichever BLAS alternative is installed.
- `pinned()`: NumPy's scalar loops (every dispatched CPU feature switched off with
  NPY_DISABLE_CPU_FEATURES, so `np.exp` is glibc's `exp`) and Debian's reference BLAS (plain
  loops that add in the same order as our kernels). A native engine process on the same
  machine calls the same glibc `exp` (glibc picks its FMA or non-FMA variant once per machine
  and GLIBC_TUNABLES, for every process alike), so there the two agree bit for bit.
"""
import glob
import os
import subprocess

PYTHON = "/usr/bin/python3"   # Debian's interpreter: the one with python3-numpy

_FEATURES_QUERY = ("import numpy.core._multiarray_umath as m; "
                   "print(' '.join(f for f in m.__cpu_dispatch__ if m.__cpu_features__.get(f)))")


def reference_blas_dir():
    """The folder of Debian's reference BLAS (package libblas3)."""
    found = sorted(glob.glob("/usr/lib/*/blas/libblas.so.3"))
    if not found:
        raise RuntimeError("Debian's reference BLAS (libblas3) is not installed: run scripts/setup.sh")
    return os.path.dirname(found[0])


def dispatched_features():
    """The SIMD features NumPy would use on this CPU, beyond its baseline."""
    env = dict(os.environ)
    env.pop("NPY_DISABLE_CPU_FEATURES", None)
    out = subprocess.run([PYTHON, "-c", _FEATURES_QUERY], capture_output=True, text=True, env=env, check=True)
    return out.stdout.split()


def as_installed(base=None):
    return dict(os.environ if base is None else base)


def pinned(base=None):
    env = as_installed(base)
    features = dispatched_features()
    if features:
        env["NPY_DISABLE_CPU_FEATURES"] = " ".join(features)
    else:
        env.pop("NPY_DISABLE_CPU_FEATURES", None)
    blas = reference_blas_dir()
    env["LD_LIBRARY_PATH"] = blas + (":" + env["LD_LIBRARY_PATH"] if env.get("LD_LIBRARY_PATH") else "")
    return env


def glibc_exp_variant(env=None):
    """Which `exp` glibc picks on this machine: its FMA variant needs FMA and AVX2, and
    GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2,-FMA turns that off."""
    env = os.environ if env is None else env
    with open("/proc/cpuinfo") as f:
        flags = next((line.split(":", 1)[1].split() for line in f if line.startswith("flags")), [])
    tunables = env.get("GLIBC_TUNABLES", "")
    fma = "fma" in flags and "avx2" in flags and "-FMA" not in tunables and "-AVX2" not in tunables
    return "FMA" if fma else "non-FMA"


def describe(env):
    """One line naming the arithmetic a reference.py run with `env` uses."""
    import numpy as np
    glibc = os.confstr("CS_GNU_LIBC_VERSION")
    blas = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "libblas3"], capture_output=True, text=True).stdout
    if env.get("NPY_DISABLE_CPU_FEATURES"):
        exp = f"NumPy {np.__version__} scalar loops (np.exp = {glibc} exp, {glibc_exp_variant(env)} variant)"
    else:
        exp = f"NumPy {np.__version__} with its SIMD kernels for this CPU"
    if reference_blas_dir() in env.get("LD_LIBRARY_PATH", "").split(":"):
        return f"{exp}, reference BLAS (libblas3 {blas})"
    return f"{exp}, the installed libblas.so.3"
