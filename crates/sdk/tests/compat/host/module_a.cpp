// First translation unit of a module that reaches the host through the shim.
#include <windows.h>
#include <httpserv.h>

extern "C" HANDLE module_b_event();

extern "C" __declspec(dllexport) int module_a_run()
{
    HANDLE source = RegisterEventSourceW(NULL, L"HostTest");
    LPCWSTR strings[] = {L"one", L"two"};
    if (!ReportEventW(source, EVENTLOG_WARNING_TYPE, 5, 42, NULL, 2, 0, strings, NULL))
        return 1;
    DeregisterEventSource(source);
    OutputDebugStringA("debug from module");
    if (!CloseHandle((HANDLE)0x7001)) // a host token
        return 2;
    if (CloseHandle((HANDLE)0x7002) || GetLastError() != ERROR_INVALID_HANDLE) // refused by the host
        return 3;
    HANDLE event = module_b_event(); // made in the other translation unit
    if (WaitForSingleObject(event, 0) != WAIT_OBJECT_0 || !CloseHandle(event))
        return 4;
    return 0;
}
