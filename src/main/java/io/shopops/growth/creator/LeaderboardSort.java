package io.shopops.growth.creator;

/**
 * How the creators' leaderboard is sorted: by net GMV or by ROI, highest first.
 */
enum LeaderboardSort {

	GMV, ROI

}
