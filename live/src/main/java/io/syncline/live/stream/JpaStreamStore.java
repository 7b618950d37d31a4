package io.syncline.live.stream;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The stream store on the {@code stream_messages} table. */
@Component
class JpaStreamStore implements StreamStore {

    private final StreamMessageRepository repository;

    JpaStreamStore(StreamMessageRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<StreamMessage> after(long afterId, int limit) {
        return repository.findByIdGreaterThanOrderByIdAsc(afterId, PageRequest.ofSize(limit)).stream()
                .map(StreamMessageRow::toMessage)
                .toList();
    }

    @Override
    public List<StreamMessage> forMerchant(
            String merchantId, Set<StreamTopic> topics, long afterId, long upToId, int limit) {
        List<String> names = topics.stream().map(StreamTopic::wireName).toList();
        return repository.findForMerchant(merchantId, names, afterId, upToId, PageRequest.ofSize(limit)).stream()
                .map(StreamMessageRow::toMessage)
                .toList();
    }

    @Override
    public OptionalLong newestId() {
        Long id = repository.findNewestId();
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }

    @Override
    public long purgedUpTo() {
        Long id = repository.findPurgedUpTo();
        return id == null ? 0 : id;
    }

    @Override
    @Transactional
    public int deleteCreatedBefore(Instant cutoff) {
        // the writers' lock: no message commits in between, and the watermark moves with the delete
        repository.lockForWrite();
        Long last = repository.findNewestIdCreatedBefore(cutoff);
        if (last == null) {
            return 0;
        }
        // delete by id, not by time: a resume relies on the deleted rows being an id prefix
        int deleted = repository.deleteUpTo(last);
        repository.markPurgedUpTo(last);
        return deleted;
    }
}
