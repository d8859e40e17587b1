package org.yizhan.fleet.store;

/**
 * What {@link FleetStore#compactHealth} did.
 *
 * @param rawFolded         raw points folded into downsampled ones (and deleted)
 * @param downsampledAdded  downsampled points made
 * @param downsampledPurged downsampled points deleted for age
 */
public record HealthCompaction(long rawFolded, long downsampledAdded, long downsampledPurged) {
}
