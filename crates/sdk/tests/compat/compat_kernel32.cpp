// kernel32 calls: conversions, locks, interlocked, time, files, heaps, threads, events, waits,
// thread pool, modules, INI files and CloseHandle.
#include <windows.h>
#include <string>
#include "check.h"

static LONG g_counter = 0;
static CRITICAL_SECTION g_cs;
static SRWLOCK g_srw = SRWLOCK_INIT;

static DWORD WINAPI Worker(LPVOID param)
{
    for (int i = 0; i < 1000; i++) {
        InterlockedIncrement(&g_counter);
        EnterCriticalSection(&g_cs);
        EnterCriticalSection(&g_cs); // recursive
        (*(int *)param)++;
        LeaveCriticalSection(&g_cs);
        LeaveCriticalSection(&g_cs);
        AcquireSRWLockExclusive(&g_srw);
        ReleaseSRWLockExclusive(&g_srw);
    }
    return 7;
}

static HANDLE g_event;
static VOID CALLBACK PoolWork(PTP_CALLBACK_INSTANCE, PVOID context, PTP_WORK)
{
    Sleep(20);
    InterlockedIncrement((LONG *)context);
}

static DWORD WINAPI QueuedItem(LPVOID context)
{
    InterlockedExchange((LONG *)context, 1);
    SetEvent(g_event);
    return 0;
}

static void Dummy() {}

int main()
{
    // MultiByteToWideChar / WideCharToMultiByte: UTF-8, size queries, -1 lengths
    const char *utf8 = "caf\xc3\xa9 \xf0\x9f\x98\x80";
    int need = MultiByteToWideChar(CP_UTF8, 0, utf8, -1, NULL, 0);
    CHECK(need == 7);
    WCHAR wide[16];
    CHECK(MultiByteToWideChar(CP_UTF8, 0, utf8, -1, wide, 16) == 7);
    CHECK(wide[3] == 0xE9 && wide[5] == 0x1F600 && wide[6] == 0);
    CHECK(MultiByteToWideChar(CP_ACP, 0, "abc", 3, wide, 16) == 3); // no terminator counted
    CHECK(MultiByteToWideChar(CP_UTF8, 0, utf8, -1, wide, 3) == 0 && GetLastError() == ERROR_INSUFFICIENT_BUFFER);
    CHECK(MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, "\xff", 1, wide, 16) == 0
          && GetLastError() == ERROR_NO_UNICODE_TRANSLATION);
    CHECK(MultiByteToWideChar(CP_UTF8, 0, "x", 0, wide, 16) == 0 && GetLastError() == ERROR_INVALID_PARAMETER);
    char narrow[32];
    CHECK(WideCharToMultiByte(CP_UTF8, 0, L"caf\u00e9", -1, NULL, 0, NULL, NULL) == 6);
    CHECK(WideCharToMultiByte(CP_UTF8, 0, L"caf\u00e9", -1, narrow, sizeof narrow, NULL, NULL) == 6);
    CHECK(strcmp(narrow, "caf\xc3\xa9") == 0);
    CHECK(WideCharToMultiByte(CP_UTF8, 0, L"abc", 2, narrow, sizeof narrow, NULL, NULL) == 2);
    CHECK(WideCharToMultiByte(CP_UTF8, 0, L"caf\u00e9", -1, narrow, 4, NULL, NULL) == 0
          && GetLastError() == ERROR_INSUFFICIENT_BUFFER);

    // Threads, critical sections, SRW locks, interlocked
    InitializeCriticalSection(&g_cs);
    int shared = 0;
    DWORD tid = 0;
    HANDLE threads[4];
    for (int i = 0; i < 4; i++) {
        threads[i] = CreateThread(NULL, 0, Worker, &shared, 0, i == 0 ? &tid : NULL);
        CHECK(threads[i] != NULL);
    }
    CHECK(tid != 0 && tid != GetCurrentThreadId());
    CHECK(WaitForMultipleObjects(4, threads, TRUE, INFINITE) == WAIT_OBJECT_0);
    for (int i = 0; i < 4; i++) {
        DWORD code = 0;
        CHECK(WaitForSingleObject(threads[i], 0) == WAIT_OBJECT_0);
        CHECK(GetExitCodeThread(threads[i], &code) && code == 7);
        CHECK(CloseHandle(threads[i]));
    }
    CHECK(g_counter == 4000 && shared == 4000);
    CHECK(TryEnterCriticalSection(&g_cs));
    LeaveCriticalSection(&g_cs);
    DeleteCriticalSection(&g_cs);
    CRITICAL_SECTION spin;
    CHECK(InitializeCriticalSectionAndSpinCount(&spin, 4000));
    DeleteCriticalSection(&spin);
    SRWLOCK rw;
    InitializeSRWLock(&rw);
    AcquireSRWLockShared(&rw);
    CHECK(TryAcquireSRWLockShared(&rw));
    CHECK(!TryAcquireSRWLockExclusive(&rw));
    ReleaseSRWLockShared(&rw);
    ReleaseSRWLockShared(&rw);

    LONG v = 5;
    CHECK(InterlockedIncrement(&v) == 6 && InterlockedDecrement(&v) == 5);
    CHECK(InterlockedExchange(&v, 9) == 5 && v == 9);
    CHECK(InterlockedCompareExchange(&v, 1, 9) == 9 && v == 1);
    CHECK(InterlockedCompareExchange(&v, 2, 9) == 1 && v == 1);
    CHECK(InterlockedExchangeAdd(&v, 10) == 1 && v == 11);
    CHECK(InterlockedAnd(&v, 3) == 11 && v == 3);
    CHECK(InterlockedOr(&v, 4) == 3 && v == 7);
    LONG64 v64 = 1LL << 40;
    CHECK(InterlockedIncrement64(&v64) == (1LL << 40) + 1);
    CHECK(InterlockedCompareExchange64(&v64, 5, (1LL << 40) + 1) == (1LL << 40) + 1 && v64 == 5);
    CHECK(sizeof(LONG) == 4 && sizeof(InterlockedIncrement(&v)) == 4);
    int a = 1, b = 2;
    PVOID ptr = &a;
    CHECK(InterlockedExchangePointer(&ptr, &b) == &a && ptr == &b);
    CHECK(InterlockedCompareExchangePointer(&ptr, &a, &b) == &b && ptr == &a);

    // Events and timeouts
    HANDLE manual = CreateEventA(NULL, TRUE, FALSE, NULL);
    HANDLE automatic = CreateEventW(NULL, FALSE, TRUE, NULL);
    CHECK(manual && automatic);
    DWORD start = GetTickCount();
    CHECK(WaitForSingleObject(manual, 50) == WAIT_TIMEOUT);
    CHECK(GetTickCount() - start >= 45);
    CHECK(SetEvent(manual));
    CHECK(WaitForSingleObject(manual, 0) == WAIT_OBJECT_0 && WaitForSingleObject(manual, INFINITE) == WAIT_OBJECT_0);
    CHECK(ResetEvent(manual) && WaitForSingleObject(manual, 0) == WAIT_TIMEOUT);
    CHECK(WaitForSingleObject(automatic, 0) == WAIT_OBJECT_0 && WaitForSingleObject(automatic, 0) == WAIT_TIMEOUT);
    CHECK(CloseHandle(manual) && CloseHandle(automatic));
    CHECK(!CloseHandle(manual) && GetLastError() == ERROR_INVALID_HANDLE); // closed twice
    int not_a_handle = 0;
    CHECK(!CloseHandle(&not_a_handle) && GetLastError() == ERROR_INVALID_HANDLE);
    CHECK(WaitForSingleObject(&not_a_handle, 0) == WAIT_FAILED && GetLastError() == ERROR_INVALID_HANDLE);

    // Work items and the thread pool
    g_event = CreateEvent(NULL, FALSE, FALSE, NULL);
    LONG queued = 0;
    CHECK(QueueUserWorkItem(QueuedItem, &queued, WT_EXECUTEDEFAULT));
    CHECK(WaitForSingleObject(g_event, 5000) == WAIT_OBJECT_0 && queued == 1);
    CloseHandle(g_event);
    LONG pool = 0;
    PTP_WORK work = CreateThreadpoolWork(PoolWork, &pool, NULL);
    CHECK(work != NULL);
    for (int i = 0; i < 3; i++)
        SubmitThreadpoolWork(work);
    WaitForThreadpoolWorkCallbacks(work, FALSE);
    CHECK(pool == 3);
    CloseThreadpoolWork(work);

    // Mutexes and semaphores
    HANDLE mutex = CreateMutexA(NULL, FALSE, NULL);
    CHECK(WaitForSingleObject(mutex, 0) == WAIT_OBJECT_0 && WaitForSingleObject(mutex, 0) == WAIT_OBJECT_0);
    CHECK(ReleaseMutex(mutex) && ReleaseMutex(mutex) && !ReleaseMutex(mutex));
    CloseHandle(mutex);
    HANDLE sem = CreateSemaphoreA(NULL, 1, 2, NULL);
    LONG prev = -1;
    CHECK(WaitForSingleObject(sem, 0) == WAIT_OBJECT_0 && WaitForSingleObject(sem, 0) == WAIT_TIMEOUT);
    CHECK(ReleaseSemaphore(sem, 2, &prev) && prev == 0 && !ReleaseSemaphore(sem, 1, NULL));
    CloseHandle(sem);

    // Time
    LARGE_INTEGER f, c1, c2;
    CHECK(QueryPerformanceFrequency(&f) && f.QuadPart > 0);
    QueryPerformanceCounter(&c1);
    Sleep(10);
    QueryPerformanceCounter(&c2);
    CHECK((c2.QuadPart - c1.QuadPart) * 1000 / f.QuadPart >= 9);
    CHECK(GetTickCount64() > 0);
    SYSTEMTIME st = {2024, 2, 0, 29, 13, 14, 15, 167};
    FILETIME ft;
    CHECK(SystemTimeToFileTime(&st, &ft));
    ULARGE_INTEGER u;
    u.LowPart = ft.dwLowDateTime;
    u.HighPart = ft.dwHighDateTime;
    CHECK(u.QuadPart == 133536860551670000ull);
    SYSTEMTIME back;
    CHECK(FileTimeToSystemTime(&ft, &back) && back.wYear == 2024 && back.wMonth == 2 && back.wDay == 29);
    CHECK(back.wDayOfWeek == 4 && back.wHour == 13 && back.wMilliseconds == 167);
    st.wMonth = 13;
    CHECK(!SystemTimeToFileTime(&st, &ft) && GetLastError() == ERROR_INVALID_PARAMETER);
    SYSTEMTIME now, local;
    GetSystemTime(&now);
    GetLocalTime(&local);
    CHECK(now.wYear >= 2024 && local.wYear >= 2024);
    FILETIME sft;
    GetSystemTimeAsFileTime(&sft);
    CHECK(sft.dwHighDateTime > 0);
    TIME_ZONE_INFORMATION tz;
    memset(&tz, 0, sizeof tz);
    tz.Bias = -120; // UTC+2
    SYSTEMTIME utc = {2024, 1, 0, 1, 23, 30, 0, 0}, there;
    CHECK(SystemTimeToTzSpecificLocalTime(&tz, &utc, &there) && there.wDay == 2 && there.wHour == 1);
    CHECK(SystemTimeToTzSpecificLocalTime(NULL, &utc, &there));

    // Process, computer, environment
    CHECK(GetCurrentProcessId() == (DWORD)getpid());
    char name[MAX_COMPUTERNAME_LENGTH * 16];
    DWORD nlen = 1;
    CHECK(!GetComputerNameA(name, &nlen) && GetLastError() == ERROR_BUFFER_OVERFLOW && nlen > 1);
    nlen = sizeof name;
    CHECK(GetComputerNameA(name, &nlen) && nlen == strlen(name));
    WCHAR wname[256];
    DWORD wlen = 256;
    CHECK(GetComputerNameW(wname, &wlen) && wlen == nlen);
    setenv("IISSIM_COMPAT", "value", 1);
    char expanded[64];
    DWORD en = ExpandEnvironmentStringsA("a %IISSIM_COMPAT% b %NOPE_NOT_SET%", expanded, sizeof expanded);
    CHECK(en == strlen("a value b %NOPE_NOT_SET%") + 1 && strcmp(expanded, "a value b %NOPE_NOT_SET%") == 0);
    CHECK(ExpandEnvironmentStringsA("%IISSIM_COMPAT%", NULL, 0) == 6);
    WCHAR wexp[64];
    CHECK(ExpandEnvironmentStringsW(L"<%IISSIM_COMPAT%>", wexp, 64) == 8 && wcscmp(wexp, L"<value>") == 0);

    // Modules: the file of the module that holds an address
    HMODULE self = NULL;
    CHECK(GetModuleHandleExA(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                             (LPCSTR)(void *)&Dummy, &self));
    char path[MAX_PATH];
    DWORD plen = GetModuleFileNameA(self, path, MAX_PATH);
    CHECK(plen > 0 && strstr(path, "compat_kernel32") != NULL);
    char exe[MAX_PATH];
    CHECK(GetModuleFileNameA(NULL, exe, MAX_PATH) == plen && strcmp(exe, path) == 0);
    char tiny[4];
    CHECK(GetModuleFileNameA(NULL, tiny, sizeof tiny) == sizeof tiny && GetLastError() == ERROR_INSUFFICIENT_BUFFER);
    CHECK(tiny[3] == 0);
    WCHAR wpath[MAX_PATH];
    HMODULE wself = NULL;
    CHECK(GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS, (LPCWSTR)(void *)&Dummy, &wself) && wself == self);
    CHECK(GetModuleFileNameW(self, wpath, MAX_PATH) == plen);
    CHECK(GetModuleHandleA(NULL) != NULL);

    // Files on the real file system, with Windows separators
    char dir[] = "/tmp/iissim-compat-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    std::string base = std::string(dir);
    std::string winpath = base + "\\sub";
    CHECK(CreateDirectoryA(winpath.c_str(), NULL));
    CHECK(!CreateDirectoryA(winpath.c_str(), NULL) && GetLastError() == ERROR_ALREADY_EXISTS);
    std::string file = winpath + "\\data.txt";
    HANDLE h = CreateFileA(file.c_str(), GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    CHECK(h != INVALID_HANDLE_VALUE);
    DWORD written = 0;
    CHECK(WriteFile(h, "hello world", 11, &written, NULL) && written == 11);
    DWORD high = 1;
    CHECK(GetFileSize(h, &high) == 11 && high == 0);
    LARGE_INTEGER fsize;
    CHECK(GetFileSizeEx(h, &fsize) && fsize.QuadPart == 11);
    CHECK(SetFilePointer(h, 6, NULL, FILE_BEGIN) == 6);
    char rbuf[16] = {0};
    DWORD got = 0;
    CHECK(ReadFile(h, rbuf, sizeof rbuf, &got, NULL) && got == 5 && memcmp(rbuf, "world", 5) == 0);
    CHECK(ReadFile(h, rbuf, sizeof rbuf, &got, NULL) && got == 0); // end of file
    CHECK(CloseHandle(h));
    CHECK(CreateFileA(file.c_str(), GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL) == INVALID_HANDLE_VALUE
          && GetLastError() == ERROR_FILE_EXISTS);
    h = CreateFileW(L"/tmp/iissim-no-such-dir/x", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_PATH_NOT_FOUND);
    h = CreateFileA((winpath + "\\missing").c_str(), GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_NOT_FOUND);
    h = CreateFileA(file.c_str(), GENERIC_WRITE, 0, NULL, OPEN_ALWAYS, 0, NULL);
    CHECK(h != INVALID_HANDLE_VALUE && GetLastError() == ERROR_ALREADY_EXISTS);
    CloseHandle(h);

    CHECK(GetFileAttributesA(file.c_str()) == FILE_ATTRIBUTE_NORMAL);
    CHECK(GetFileAttributesA(winpath.c_str()) & FILE_ATTRIBUTE_DIRECTORY);
    CHECK(GetFileAttributesA((winpath + "\\nope").c_str()) == INVALID_FILE_ATTRIBUTES
          && GetLastError() == ERROR_FILE_NOT_FOUND);
    WIN32_FILE_ATTRIBUTE_DATA fad;
    CHECK(GetFileAttributesExA(file.c_str(), GetFileExInfoStandard, &fad) && fad.nFileSizeLow == 11);
    std::wstring wfile(file.begin(), file.end());
    CHECK(GetFileAttributesW(wfile.c_str()) == FILE_ATTRIBUTE_NORMAL);
    CHECK(GetFileAttributesExW(wfile.c_str(), GetFileExInfoStandard, &fad) && fad.nFileSizeLow == 11);

    // Directory listing with wildcards
    HANDLE extra = CreateFileA((winpath + "\\other.log").c_str(), GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CloseHandle(extra);
    WIN32_FIND_DATAA fd;
    HANDLE find = FindFirstFileA((winpath + "\\*.TXT").c_str(), &fd);
    CHECK(find != INVALID_HANDLE_VALUE && strcmp(fd.cFileName, "data.txt") == 0 && fd.nFileSizeLow == 11);
    CHECK(!FindNextFileA(find, &fd) && GetLastError() == ERROR_NO_MORE_FILES);
    CHECK(FindClose(find));
    int entries = 0;
    WIN32_FIND_DATAW wfd;
    find = FindFirstFileW((wfile.substr(0, wfile.rfind(L'\\')) + L"\\*").c_str(), &wfd);
    CHECK(find != INVALID_HANDLE_VALUE);
    do {
        entries++;
    } while (FindNextFileW(find, &wfd));
    FindClose(find);
    CHECK(entries == 4); // ".", "..", data.txt, other.log
    CHECK(FindFirstFileA((winpath + "\\*.none").c_str(), &fd) == INVALID_HANDLE_VALUE
          && GetLastError() == ERROR_FILE_NOT_FOUND);

    // INI files
    std::string ini = base + "\\app.ini";
    HANDLE ih = CreateFileA(ini.c_str(), GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    const char *text = "; comment\r\n[Main]\r\nName = \"Quoted Value\" \r\nCount=42\r\n\r\n[Other]\r\nKey=x\r\n";
    WriteFile(ih, text, (DWORD)strlen(text), &written, NULL);
    CloseHandle(ih);
    char value[64];
    CHECK(GetPrivateProfileStringA("main", "NAME", "def", value, sizeof value, ini.c_str()) == 12);
    CHECK(strcmp(value, "Quoted Value") == 0);
    CHECK(GetPrivateProfileStringA("Main", "Missing", "fallback  ", value, sizeof value, ini.c_str()) == 8);
    CHECK(strcmp(value, "fallback") == 0);
    CHECK(GetPrivateProfileStringA("Main", "Name", "", value, 6, ini.c_str()) == 5 && strcmp(value, "Quote") == 0);
    CHECK(GetPrivateProfileIntA("Main", "Count", 0, ini.c_str()) == 42);
    CHECK(GetPrivateProfileStringA(NULL, NULL, "", value, sizeof value, ini.c_str()) == 11);
    CHECK(strcmp(value, "Main") == 0 && strcmp(value + 5, "Other") == 0 && value[11] == 0);
    CHECK(GetPrivateProfileStringA("Main", NULL, "", value, sizeof value, ini.c_str()) == 11);
    CHECK(strcmp(value, "Name") == 0 && strcmp(value + 5, "Count") == 0);
    std::wstring wini(ini.begin(), ini.end());
    WCHAR wvalue[64];
    CHECK(GetPrivateProfileStringW(L"Other", L"Key", L"", wvalue, 64, wini.c_str()) == 1 && wcscmp(wvalue, L"x") == 0);

    CHECK(DeleteFileA(file.c_str()) && DeleteFileA((winpath + "\\other.log").c_str()) && DeleteFileA(ini.c_str()));
    CHECK(!DeleteFileA(file.c_str()) && GetLastError() == ERROR_FILE_NOT_FOUND);
    CHECK(RemoveDirectoryA(winpath.c_str()) && RemoveDirectoryA(dir));

    // Heaps
    HANDLE heap = GetProcessHeap();
    CHECK(heap != NULL);
    unsigned char *mem = (unsigned char *)HeapAlloc(heap, HEAP_ZERO_MEMORY, 64);
    CHECK(mem && mem[0] == 0 && mem[63] == 0 && HeapSize(heap, 0, mem) == 64);
    memset(mem, 0xAB, 64);
    mem = (unsigned char *)HeapReAlloc(heap, HEAP_ZERO_MEMORY, mem, 128);
    CHECK(mem && mem[63] == 0xAB && mem[64] == 0 && mem[127] == 0);
    CHECK(HeapFree(heap, 0, mem));
    HLOCAL loc = LocalAlloc(LPTR, 32);
    CHECK(loc && ((char *)loc)[31] == 0 && LocalSize(loc) == 32 && LocalFree(loc) == NULL);
    HGLOBAL glob = GlobalAlloc(GPTR, 8);
    CHECK(glob && GlobalFree(glob) == NULL);
    char *vm = (char *)VirtualAlloc(NULL, 10000, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    CHECK(vm != NULL && ((uintptr_t)vm & 4095) == 0);
    vm[9999] = 1;
    CHECK(VirtualFree(vm, 0, MEM_RELEASE));
    CHECK(!VirtualFree(vm, 0, MEM_RELEASE));

    // Thread-local storage, FormatMessage, lstr*
    DWORD tls = TlsAlloc();
    CHECK(tls != TLS_OUT_OF_INDEXES && TlsSetValue(tls, &a) && TlsGetValue(tls) == &a && TlsFree(tls));
    LPSTR msg = NULL;
    CHECK(FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_IGNORE_INSERTS,
                         NULL, ERROR_ACCESS_DENIED, 0, (LPSTR)&msg, 0, NULL) > 0);
    CHECK(msg && strncmp(msg, "Access is denied.", 17) == 0);
    LocalFree(msg);
    CHECK(lstrlenA("abc") == 3 && lstrcmpiW(L"ABC", L"abc") == 0);

    OutputDebugStringA("compat_kernel32: OutputDebugStringA without a host goes to stderr\n");
    OutputDebugStringW(L"compat_kernel32: OutputDebugStringW \u00e9\n");
    DebugBreak();
    printf("ok\n");
    return 0;
}
