# DiseaseMaps: the two commands, and a few more.
#   make run    install what is missing, build, migrate, serve on http://127.0.0.1:8080
#   make test   install what is missing, build, run every test (unit, integration on
#               SQLite and PostgreSQL, browser); the last line gives the counts
#   make bench  benchmarks against reference systems (nginx, …); not tests
#   make package  a Debian package (CPack) under build/; prints its path
#   make cluster  PostgreSQL (primary and standby), NODES servers and HAProxy on
#               loopback, on http://127.0.0.1:PORT (scripts/cluster-up); Ctrl-C stops all
# Settings for `make run`: ADDRESS, PORT, DATABASE (an SQLite path or postgresql:// URL).

ADDRESS ?= 127.0.0.1
PORT ?= 8080
DATABASE ?= var/diseasemaps.db
BUILD_DIR ?= build
JOBS ?= $(shell nproc)

NODES ?= 2

.PHONY: all deps configure build run test bench package cluster clean

all: build

deps:
	@scripts/install-deps

configure: deps
	@if [ ! -f $(BUILD_DIR)/CMakeCache.txt ]; then \
	  cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release >/dev/null; fi

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@$(BUILD_DIR)/diseasemaps --database '$(DATABASE)' migrate
	@exec $(BUILD_DIR)/diseasemaps --database '$(DATABASE)' serve --address '$(ADDRESS)' --port '$(PORT)' --mail-to-console

test: build
	@scripts/run-tests $(BUILD_DIR)

bench: build
	@scripts/install-deps --bench
	@bench/run-all $(BUILD_DIR)

# Builds the server alone (not the tests), then packages it.
package: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target diseasemaps
	@cd $(BUILD_DIR) && { cpack -G DEB > cpack.log || { cat cpack.log >&2; exit 1; }; } && \
	  sed -n 's/^CPack: - package: \(.*\) generated\.$$/\1/p' cpack.log

cluster: build
	@scripts/cluster-up --build '$(BUILD_DIR)' --nodes '$(NODES)' --port '$(PORT)'

clean:
	rm -rf $(BUILD_DIR)
