// diseasemaps: the one binary. See app/cli.h for the subcommands.
#include "app/cli.h"

int main(int argc, char** argv) { return diseasemaps::RunCli(argc, argv); }
