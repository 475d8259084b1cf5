package org.aucl.sweep;

import java.nio.file.Path;
import org.aucl.spec.RunSpec;

/**
 * One run of a sweep as planned: its grid point, the full configuration it trains with, its folder,
 * and the optimiser steps it takes.
 */
public record PlannedRun(GridPoint point, RunSpec config, Path dir, long steps) {}
