# pathwayc build in-process (src/CompilerModule.cpp).
from typing import Optional, Tuple

def build(path: str, text: Optional[str], output: str, opt_level: int, columns: bool,
          werror: bool) -> Tuple[bool, str, str, str]: ...
