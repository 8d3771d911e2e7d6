# `make package` (the top Makefile; `cpack` in the build directory): a Debian package of
# the server, made by CPack's DEB generator from what `cmake --install` puts in place:
#   /usr/bin/diseasemaps                      the binary (migrations, templates, message
#                                             catalogues and the starter catalogue inside)
#   /usr/share/diseasemaps/static/            the static tree it serves (found from the
#                                             binary's own path: ../share/diseasemaps/static)
#   /lib/systemd/system/diseasemaps.service   the hardened unit (packaging/)
#   /usr/lib/sysusers.d/diseasemaps.conf      the service's own user, made by postinst
#   /etc/diseasemaps/diseasemaps.conf         every setting, commented: a conffile
#   /usr/share/doc/diseasemaps/               copyright (NOTICE, then the AGPL), README.md
# dpkg-shlibdeps is not used (it needs dpkg-dev): Depends lists, by hand, the packages of
# the libraries the binary links (`readelf -d build/diseasemaps`, then `dpkg -S`); the
# package test (tests/package/package-test.sh) fails when one is missing.

# Installing (and so packaging) needs the server and its static tree alone, not the tests
# and benchmarks that `all` builds: `make package` builds the diseasemaps target first.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)
install(TARGETS diseasemaps RUNTIME DESTINATION bin)
install(DIRECTORY ${CMAKE_BINARY_DIR}/static/ DESTINATION share/diseasemaps/static
        PATTERN ".stamp" EXCLUDE)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/diseasemaps.service DESTINATION /lib/systemd/system)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/sysusers.conf DESTINATION lib/sysusers.d RENAME diseasemaps.conf)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/diseasemaps.conf DESTINATION /etc/diseasemaps)

# Debian's copyright file: who holds it and the data licences (NOTICE), then the licence.
file(READ ${CMAKE_SOURCE_DIR}/NOTICE notice_text)
file(READ ${CMAKE_SOURCE_DIR}/LICENSE license_text)
set(copyright_file ${CMAKE_BINARY_DIR}/packaging/copyright)
file(WRITE ${copyright_file}.new
     "${notice_text}\n\nThe full text of the GNU Affero General Public License, version 3:\n\n${license_text}")
configure_file(${copyright_file}.new ${copyright_file} COPYONLY)
install(FILES ${copyright_file} ${CMAKE_SOURCE_DIR}/README.md DESTINATION share/doc/diseasemaps)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME diseasemaps)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "DiseaseMaps maintainers <maintainers@diseasemaps.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "rare-condition pages people can trust, and the community behind them")
# One line per line of the control file's long description.
set(CPACK_PACKAGE_DESCRIPTION
    "DiseaseMaps gives every rare condition a plain-language page signed off by a named\n\
medical reviewer, a privacy-first map of the people who live with it, conversation and\n\
shared experiences: one server binary, SQLite by default, PostgreSQL when it grows, run\n\
as a hardened systemd service. Licence: AGPL-3.0-or-later (the copyright file lists the\n\
data licences).")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://diseasemaps.invalid/")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6 (>= 2.36), libstdc++6 (>= 12), libgcc-s1, libboost-locale1.74.0, libcmark-gfm0.29.0.gfm.6, \
libcmark-gfm-extensions0.29.0.gfm.6, libcurl4 (>= 7.88), libfmt9, libjemalloc2, libpq5, libsodium23, \
libsoci-core4.0, libsoci-postgresql4.0, libsoci-sqlite3-4.0, libspdlog1.10, libsqlite3-0 (>= 3.40), libxapian30, \
libxml2, zlib1g, systemd | adduser")
# pg_dump and pg_restore for `backup` and `restore` on PostgreSQL.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql-client, postgresql")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_SOURCE_DIR}/packaging/debian/conffiles
    ${CMAKE_SOURCE_DIR}/packaging/debian/postinst
    ${CMAKE_SOURCE_DIR}/packaging/debian/prerm
    ${CMAKE_SOURCE_DIR}/packaging/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
