#pragma once
// Every QSettings key the program uses, in one place, so renaming or migrating a key cannot miss a
// reader somewhere else.

namespace fs::ui::SettingsKeys {

inline constexpr char RecentFiles[] = "files/recent";
inline constexpr char Language[] = "view/language";
inline constexpr char SpyColorMode[] = "view/spyColorMode";
inline constexpr char WindowGeometry[] = "window/geometry";
inline constexpr char WindowState[] = "window/state";
inline constexpr char CollectionBaseUrl[] = "collection/baseUrl";

} // namespace fs::ui::SettingsKeys
