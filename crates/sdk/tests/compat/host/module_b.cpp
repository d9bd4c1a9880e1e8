// Second translation unit: the same weak host-services pointer and handle registry.
#include <windows.h>
#include <atlbase.h>

extern "C" HANDLE module_b_event()
{
    return CreateEventW(NULL, TRUE, TRUE, NULL);
}

extern "C" __declspec(dllexport) int module_b_has_host()
{
    return iissim_host_services != NULL && iissim_host_services->version == 1;
}
