// BCryptGenRandom, CryptBinaryToString / CryptStringToBinary base64.
#include <windows.h>
#include <wincrypt.h>
#include <bcrypt.h>
#include <string>
#include "check.h"

int main()
{
    BYTE a[32] = {0}, b[32] = {0};
    CHECK(BCRYPT_SUCCESS(BCryptGenRandom(NULL, a, sizeof a, BCRYPT_USE_SYSTEM_PREFERRED_RNG)));
    CHECK(BCRYPT_SUCCESS(BCryptGenRandom(NULL, b, sizeof b, BCRYPT_USE_SYSTEM_PREFERRED_RNG)));
    CHECK(memcmp(a, b, sizeof a) != 0);
    CHECK(BCryptGenRandom(NULL, a, sizeof a, 0) == STATUS_INVALID_HANDLE);
    BCRYPT_ALG_HANDLE alg = NULL;
    CHECK(BCryptOpenAlgorithmProvider(&alg, BCRYPT_RNG_ALGORITHM, NULL, 0) == STATUS_SUCCESS && alg);
    CHECK(BCryptGenRandom(alg, a, sizeof a, 0) == STATUS_SUCCESS);
    CHECK(BCryptCloseAlgorithmProvider(alg, 0) == STATUS_SUCCESS);
    HCRYPTPROV prov = 0;
    CHECK(CryptAcquireContext(&prov, NULL, NULL, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT));
    CHECK(CryptGenRandom(prov, sizeof a, a) && CryptReleaseContext(prov, 0));

    // Base64, CR LF after each line of 64 and at the end
    const BYTE data[] = "Many hands make light work.";
    DWORD n = 0;
    CHECK(CryptBinaryToStringA(data, 27, CRYPT_STRING_BASE64, NULL, &n) && n == 39);
    char out[128];
    n = sizeof out;
    CHECK(CryptBinaryToStringA(data, 27, CRYPT_STRING_BASE64, out, &n) && n == 38);
    CHECK(strcmp(out, "TWFueSBoYW5kcyBtYWtlIGxpZ2h0IHdvcmsu\r\n") == 0);
    n = sizeof out;
    CHECK(CryptBinaryToStringA(data, 27, CRYPT_STRING_BASE64 | CRYPT_STRING_NOCRLF, out, &n) && n == 36);
    CHECK(strcmp(out, "TWFueSBoYW5kcyBtYWtlIGxpZ2h0IHdvcmsu") == 0);
    n = 10;
    CHECK(!CryptBinaryToStringA(data, 27, CRYPT_STRING_BASE64, out, &n) && GetLastError() == ERROR_MORE_DATA);
    n = sizeof out;
    CHECK(CryptBinaryToStringA((const BYTE *)"ab", 2, CRYPT_STRING_BASE64 | CRYPT_STRING_NOCRLF, out, &n));
    CHECK(strcmp(out, "YWI=") == 0);
    BYTE bin[100];
    std::string longtext(100, 'x');
    char big[256];
    n = sizeof big;
    CHECK(CryptBinaryToStringA((const BYTE *)longtext.data(), 100, CRYPT_STRING_BASE64, big, &n));
    CHECK(n == 142 && big[64] == '\r' && big[65] == '\n' && big[140] == '\r' && big[141] == '\n');
    WCHAR wout[64];
    DWORD wn = 64;
    CHECK(CryptBinaryToStringW((const BYTE *)"ab", 2, CRYPT_STRING_BASE64 | CRYPT_STRING_NOCRLF, wout, &wn));
    CHECK(wn == 4 && wcscmp(wout, L"YWI=") == 0);

    // Decoding, line breaks ignored; size query; bad input
    DWORD cb = 0;
    CHECK(CryptStringToBinaryA(big, 0, CRYPT_STRING_BASE64, NULL, &cb, NULL, NULL) && cb == 100);
    CHECK(CryptStringToBinaryA(big, 0, CRYPT_STRING_BASE64, bin, &cb, NULL, NULL) && cb == 100);
    CHECK(memcmp(bin, longtext.data(), 100) == 0);
    cb = sizeof bin;
    CHECK(CryptStringToBinaryA("TWFu", 4, CRYPT_STRING_BASE64, bin, &cb, NULL, NULL) && cb == 3 && memcmp(bin, "Man", 3) == 0);
    cb = 1;
    CHECK(!CryptStringToBinaryA("TWFu", 0, CRYPT_STRING_BASE64, bin, &cb, NULL, NULL) && GetLastError() == ERROR_MORE_DATA);
    cb = sizeof bin;
    CHECK(!CryptStringToBinaryA("TW!u", 0, CRYPT_STRING_BASE64, bin, &cb, NULL, NULL)
          && GetLastError() == ERROR_INVALID_DATA);
    cb = sizeof bin;
    CHECK(CryptStringToBinaryW(L"YWI=", 0, CRYPT_STRING_BASE64, bin, &cb, NULL, NULL) && cb == 2 && bin[1] == 'b');
    cb = sizeof bin;
    DWORD flags = 0;
    CHECK(CryptStringToBinaryA("-----BEGIN CERTIFICATE-----\r\nYWI=\r\n-----END CERTIFICATE-----\r\n", 0,
                               CRYPT_STRING_ANY, bin, &cb, NULL, &flags)
          && cb == 2 && flags == CRYPT_STRING_BASE64HEADER);
    printf("ok\n");
    return 0;
}
