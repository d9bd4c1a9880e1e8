// A host that loads a module as iissim's loader does and fills its host-services table. The
// table layout is written out here by hand, as the Rust host mirrors it (no SDK header).
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <string>
#include <vector>

struct HostServices {
    uint32_t cbSize;
    uint32_t version;
    int (*close_handle)(void *handle);
    int (*report_event)(const char *source, uint16_t type, uint16_t category, uint32_t event_id,
                        uint16_t string_count, const char *const *strings);
    void (*output_debug_string)(const char *text);
    int (*get_token_information)(void *, uint32_t, void *, uint32_t, uint32_t *);
    int (*check_token_membership)(void *, const void *, int *);
};

static std::vector<std::string> calls;

static int CloseHandle(void *handle)
{
    calls.push_back("close " + std::to_string((uintptr_t)handle));
    return handle == (void *)0x7001;
}
static int ReportEvent(const char *source, uint16_t type, uint16_t category, uint32_t id, uint16_t count,
                       const char *const *strings)
{
    std::string line = std::string("event ") + source + " " + std::to_string(type) + " " + std::to_string(category)
                       + " " + std::to_string(id);
    for (uint16_t i = 0; i < count; i++)
        line += std::string(" ") + strings[i];
    calls.push_back(line);
    return 1;
}
static void Debug(const char *text)
{
    calls.push_back(std::string("debug ") + text);
}

#define EXPECT(cond)                                                                               \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: EXPECT failed: %s\n", __FILE__, __LINE__, #cond);              \
            return 1;                                                                              \
        }                                                                                          \
    } while (0)

int main(int argc, char **argv)
{
    EXPECT(argc == 2);
    void *image = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!image)
        fprintf(stderr, "%s\n", dlerror());
    EXPECT(image != NULL);
    const HostServices **slot = (const HostServices **)dlsym(image, "iissim_host_services");
    EXPECT(slot != NULL && *slot == NULL);
    int (*has_host)() = (int (*)())dlsym(image, "module_b_has_host");
    int (*run)() = (int (*)())dlsym(image, "module_a_run");
    EXPECT(has_host && run && !has_host());

    static HostServices table;
    memset(&table, 0, sizeof table);
    table.cbSize = sizeof table;
    table.version = 1;
    table.close_handle = CloseHandle;
    table.report_event = ReportEvent;
    table.output_debug_string = Debug;
    *slot = &table;

    EXPECT(has_host());
    int result = run();
    if (result)
        fprintf(stderr, "module_a_run returned %d\n", result);
    EXPECT(result == 0);
    EXPECT(calls.size() == 4);
    EXPECT(calls[0] == "event HostTest 2 5 42 one two");
    EXPECT(calls[1] == "debug debug from module");
    EXPECT(calls[2] == "close " + std::to_string(0x7001));
    EXPECT(calls[3] == "close " + std::to_string(0x7002));
    EXPECT(sizeof(HostServices) == 48);
    printf("ok\n");
    return 0;
}
