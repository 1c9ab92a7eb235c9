#pragma once
// What the dataset writers share (dataset.cpp, synthetic.cpp): the folder protocol, the pair files,
// the manifest and the perturbation of a pair. Internal to fs_dataset.

#include "dataset/dataset.h"

#include <filesystem>
#include <stop_token>
#include <string>

namespace fs::dataset::detail {

/// The "format" of every manifest.json.
inline constexpr const char *kManifestFormat = "factorscope-dataset";

/// Starts writing into dir: creates it and removes a manifest left by an earlier run, so the folder
/// has a manifest only once every file it lists is written.
void begin_writing(const std::filesystem::path &dir);

/// Reports progress, then throws DatasetCancelled when a stop was requested.
void step(const ProgressFunction &progress, const std::stop_token &stop, int done, int total);

/// Writes A_k.mtx (symmetric) and <targetPrefix>_k.mtx (general) and fills ref's files and n.
void write_pair(const std::filesystem::path &dir, int k, const sparse::Matrix &A, const sparse::Matrix &L,
                const std::string &comment, SampleRef &ref, const std::string &targetPrefix = "L");

/// Writes manifest.json (through a temporary file, renamed last).
void write_manifest(const Manifest &m, const std::filesystem::path &dir);

/// The perturbation of entry (row, col) of A by rel · A(row, col). Empty `why` on success;
/// otherwise why there is none (outside the matrix, not a stored entry, a zero change), 1-based.
PairPerturbation perturbation_of(const sparse::Matrix &A, sparse::Index row, sparse::Index col, double rel,
                                 std::string &why);

/// A + delta (e_row e_colᵀ + e_col e_rowᵀ) (delta e_row e_rowᵀ when row == col), compressed.
sparse::Matrix perturbed_matrix(const sparse::Matrix &A, const PairPerturbation &p);

/// "A(2,1) += 0.5 (and its mirror)", 1-based, for file comments and errors.
std::string perturbation_text(const PairPerturbation &p);

} // namespace fs::dataset::detail
