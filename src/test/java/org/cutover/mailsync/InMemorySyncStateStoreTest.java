package org.cutover.mailsync;

class InMemorySyncStateStoreTest extends SyncStateStoreContract {

  @Override
  protected SyncStateStore emptyStore() {
    return new InMemorySyncStateStore();
  }
}
