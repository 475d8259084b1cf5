package org.aucl.sweep;

import java.nio.file.Path;
import org.aucl.train.PretrainConfig;

/**
 * One run of a sweep as planned: its grid point, the full configuration it trains with, its folder,
 * and the optimiser steps it takes.
 */
public record PlannedRun(GridPoint point, PretrainConfig config, Path dir, long steps) {}
