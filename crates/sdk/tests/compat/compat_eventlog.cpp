// The event log and the host-services table: without a host ReportEvent writes one line to
// stderr; with a host (the table set as a loader does) the calls reach it.
#include <windows.h>
#include <string>
#include <vector>
#include "check.h"

static std::vector<std::string> g_events;
static std::vector<std::string> g_debug;
static std::vector<void *> g_closed;

static int HostReportEvent(const char *source, uint16_t type, uint16_t category, uint32_t id, uint16_t count,
                           const char *const *strings)
{
    std::string line = std::string(source) + "|" + std::to_string(type) + "|" + std::to_string(category) + "|"
                       + std::to_string(id);
    for (uint16_t i = 0; i < count; i++)
        line += "|" + std::string(strings[i]);
    g_events.push_back(line);
    return 1;
}

static void HostDebug(const char *text)
{
    g_debug.push_back(text);
}

static int HostClose(void *handle)
{
    g_closed.push_back(handle);
    return handle == (void *)0x1000; // the host owns only this synthetic token
}

int main()
{
    CHECK(EVENTLOG_ERROR_TYPE == 1 && EVENTLOG_WARNING_TYPE == 2 && EVENTLOG_INFORMATION_TYPE == 4);
    CHECK(EVENTLOG_AUDIT_SUCCESS == 8 && EVENTLOG_AUDIT_FAILURE == 16 && EVENTLOG_SUCCESS == 0);
    CHECK(iissim_host_services == NULL);

    // Without a host: stderr, one line
    HANDLE src = RegisterEventSourceA(NULL, "CompatModule");
    CHECK(src != NULL);
    LPCSTR strings[] = {"first\nline", "second"};
    CHECK(ReportEventA(src, EVENTLOG_WARNING_TYPE, 3, 1001, NULL, 2, 0, strings, NULL));
    CHECK(DeregisterEventSource(src));
    CHECK(!CloseHandle((HANDLE)0x1000) && GetLastError() == ERROR_INVALID_HANDLE);

    // With a host
    IISSIM_HOST_SERVICES table;
    memset(&table, 0, sizeof table);
    table.cbSize = sizeof table;
    table.version = IISSIM_HOST_SERVICES_VERSION;
    table.close_handle = HostClose;
    table.report_event = HostReportEvent;
    table.output_debug_string = HostDebug;
    iissim_host_services = &table;

    HANDLE wsrc = RegisterEventSourceW(NULL, L"Compat\u00e9");
    LPCWSTR wstrings[] = {L"caf\u00e9"};
    CHECK(ReportEventW(wsrc, EVENTLOG_ERROR_TYPE, 0, 0xC0000064u, NULL, 1, 0, wstrings, NULL));
    CHECK(ReportEvent(wsrc, EVENTLOG_INFORMATION_TYPE, 2, 7, NULL, 0, 0, NULL, NULL));
    CHECK(DeregisterEventSource(wsrc));
    CHECK(g_events.size() == 2);
    CHECK(g_events[0] == "Compat\xc3\xa9|1|0|3221225572|caf\xc3\xa9");
    CHECK(g_events[1] == "Compat\xc3\xa9|4|2|7");

    OutputDebugStringA("narrow");
    OutputDebugStringW(L"wide \u00e9");
    CHECK(g_debug.size() == 2 && g_debug[0] == "narrow" && g_debug[1] == "wide \xc3\xa9");

    // CloseHandle: the shim's own handles stay with the shim, others go to the host
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    CHECK(CloseHandle(ev) && g_closed.empty());
    CHECK(CloseHandle((HANDLE)0x1000) && g_closed.size() == 1);
    CHECK(!CloseHandle((HANDLE)0x2000) && GetLastError() == ERROR_INVALID_HANDLE && g_closed.size() == 2);

    // An older, shorter table: fields past cbSize are not read
    table.cbSize = offsetof(IISSIM_HOST_SERVICES, report_event);
    CHECK(!CloseHandle((HANDLE)0x2000) && g_closed.size() == 3);
    OutputDebugStringA("to stderr: the table is too short for output_debug_string\n");
    CHECK(g_debug.size() == 2);
    iissim_host_services = NULL;

    CHECK(offsetof(IISSIM_HOST_SERVICES, close_handle) == 8 && offsetof(IISSIM_HOST_SERVICES, report_event) == 16);
    CHECK(offsetof(IISSIM_HOST_SERVICES, output_debug_string) == 24);
    CHECK(offsetof(IISSIM_HOST_SERVICES, get_token_information) == 32);
    CHECK(offsetof(IISSIM_HOST_SERVICES, check_token_membership) == 40);
    CHECK(offsetof(IISSIM_HOST_SERVICES, duplicate_token) == 48 && offsetof(IISSIM_HOST_SERVICES, set_thread_token) == 56);
    CHECK(offsetof(IISSIM_HOST_SERVICES, get_thread_token) == 64 && offsetof(IISSIM_HOST_SERVICES, lookup_account_sid) == 72);
    CHECK(sizeof(IISSIM_HOST_SERVICES) == 80);
    printf("ok\n");
    return 0;
}
