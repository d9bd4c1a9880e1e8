// The precompiled header of a Windows module project, compiled as an ordinary header.
#pragma once
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <httpserv.h>
#include <strsafe.h>
#define STDAFX_INCLUDED 1
