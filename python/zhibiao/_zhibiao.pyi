# Stubs of the native module (python/src/lib.rs). Use the functions of `zhibiao` instead:
# they read this module's JSON into dicts.
from typing import List, Optional

__version__: str

class ZhibiaoError(RuntimeError): ...

def analyze_json(text: str, source: str) -> str: ...
def analyze_many_json(
    texts: List[str], sources: List[str], jobs: Optional[int] = None
) -> List[str]: ...
