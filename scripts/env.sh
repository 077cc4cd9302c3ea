# Sourced by the other scripts: puts the locally installed tools on PATH (wasm-opt from
# .tools/, cargo-installed trunk and wasm-bindgen). Changes nothing else.
ZB_ROOT=$(CDPATH= cd -- "$(dirname -- "${ZB_ENV_FROM:-$0}")/.." && pwd)
case ":$PATH:" in
  *":$ZB_ROOT/.tools/node_modules/.bin:"*) ;;
  *) PATH="$ZB_ROOT/.tools/node_modules/.bin:$PATH" ;;
esac
case ":$PATH:" in
  *":${CARGO_HOME:-$HOME/.cargo}/bin:"*) ;;
  *) PATH="$PATH:${CARGO_HOME:-$HOME/.cargo}/bin" ;;
esac
export PATH
