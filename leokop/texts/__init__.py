"""Every German text the app shows, by area; `from leokop import texts` gives them all (`texts.NAME`).

The bottom of the layers: plain strings and dicts, no imports of the app.
"""

from leokop.texts.admin import *  # noqa: F403
from leokop.texts.apprentice import *  # noqa: F403
from leokop.texts.calendar import *  # noqa: F403
from leokop.texts.common import *  # noqa: F403
from leokop.texts.dashboard import *  # noqa: F403
from leokop.texts.early_warning import *  # noqa: F403
from leokop.texts.leadership import *  # noqa: F403
from leokop.texts.materials import *  # noqa: F403
from leokop.texts.privacy import *  # noqa: F403
from leokop.texts.signin import *  # noqa: F403
from leokop.texts.sso import *  # noqa: F403
