package io.shopops.growth.community;

/**
 * Where a dated SOP task stands.
 */
enum TaskStatus {

	OPEN, DONE, SKIPPED

}
