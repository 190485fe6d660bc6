package org.cutover.mailsync;

/**
 * One source folder and the target folder it syncs into.
 *
 * @param source the source folder
 * @param targetName the target folder's full name
 * @param targetExists whether the target lists it already
 * @param role the special-use role the target folder should carry when created, or null
 */
record FolderPairing(
    RemoteFolder source, String targetName, boolean targetExists, SpecialUse role) {}
