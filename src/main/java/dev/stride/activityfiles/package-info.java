/**
 * Activity files from watches and apps (contract: "Activity files"): GPX, TCX and FIT read into a
 * {@link dev.stride.activityfiles.entity.Recording}, turned into a session by the contract's rules,
 * stored with their samples and the original bytes, and served back as samples and as the file.
 *
 * <p>boundary: the import, samples and file endpoints; control: the readers, the rules that make a
 * session of a recording, the stores; entity: what a file holds once read.
 */
package dev.stride.activityfiles;
