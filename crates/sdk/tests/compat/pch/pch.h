// The precompiled header of a newer Visual Studio project.
#pragma once
#include "stdafx.h"
#define PCH_INCLUDED 1
