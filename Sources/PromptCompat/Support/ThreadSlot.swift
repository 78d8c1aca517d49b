import Foundation

/// One object for each thread, made on the thread's first ask and released when the thread ends
/// (`pthread_getspecific`: a load, no lock).
final class ThreadSlot: @unchecked Sendable {
    private var key = pthread_key_t()

    init() {
        #if canImport(Glibc) || canImport(Musl)
        pthread_key_create(&key) { Unmanaged<AnyObject>.fromOpaque($0!).release() }
        #else
        pthread_key_create(&key) { Unmanaged<AnyObject>.fromOpaque($0).release() }
        #endif
    }

    deinit {
        // Threads that still hold an object keep it until they end; a slot is made once per memo, for the
        // process's life, so this runs only for a test's own slots.
        pthread_key_delete(key)
    }

    /// This thread's object, made by `make` the first time.
    func object<Object: AnyObject>(_ make: () -> Object) -> Object {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<Object>.fromOpaque(pointer).takeUnretainedValue()
        }
        let object = make()
        pthread_setspecific(key, Unmanaged.passRetained(object as AnyObject).toOpaque())
        return object
    }
}
