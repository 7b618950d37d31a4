package io.syncline.conflicts.query;

import io.syncline.conflicts.support.ConflictsDatabase;

/** The read model's statements on H2 in PostgreSQL mode, the standalone's default database. */
class ConflictProjectionOnH2Test extends ConflictProjectionTest {

    @Override
    ConflictsDatabase database() {
        return ConflictsDatabase.h2();
    }
}
