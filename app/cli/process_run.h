#pragma once
// Running a helper program (sbatch, squeue, ...) and capturing what it prints.

#include <string>
#include <vector>

namespace fs::cli {

struct ProcessResult {
    bool started = false; ///< false: the program could not be run (error says why)
    int exit_code = -1;   ///< its exit status; 128 + signal when killed
    std::string out, err;
    std::string error;
};

/// Runs argv[0] (looked up on PATH) with the other words as arguments, stdin from /dev/null, and
/// waits for it, reading its stdout and stderr as it writes them.
ProcessResult run_process(const std::vector<std::string> &argv);

} // namespace fs::cli
