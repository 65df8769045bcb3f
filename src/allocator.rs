//! The module's memory allocator (wasm only): one free list per
//! power-of-two block size, new blocks cut from memory the module grows.
//!
//! Why not the standard library's (dlmalloc): it is 8 KB of the module,
//! about a tenth, for coalescing and splitting that this module does not
//! need. Its allocations are small and short-lived (issues, paths, messages)
//! or kept and reused from call to call (the tape's buffers), so a block
//! freed is soon wanted again at the same size. Every allocation and free
//! is a few instructions; a block may be up to twice the size asked for.
//!
//! Memory stays flat over any number of calls: a freed block goes back to
//! its size's list and is handed out again before any new memory is cut,
//! so what is held is at most what the largest call of each size needed.
//! The module runs on one thread (wasm32 without atomics), so the lists
//! need no lock.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32::memory_grow;
use core::cell::UnsafeCell;
use core::ptr::null_mut;

const PAGE: usize = 65_536;
/// Blocks of 2^3 to 2^31 bytes (a block's list is its size's log2).
const CLASSES: usize = 32;
const SMALLEST: usize = 8;

pub struct SizeClasses {
    state: UnsafeCell<State>,
}

struct State {
    /// The first free block of each size (0: none); each free block holds
    /// the address of the next.
    free: [usize; CLASSES],
    /// The memory not yet cut into blocks: `top..end`.
    top: usize,
    end: usize,
}

// wasm32 without the atomics feature has one thread: nothing shares it.
unsafe impl Sync for SizeClasses {}

impl SizeClasses {
    pub const fn new() -> Self {
        SizeClasses { state: UnsafeCell::new(State { free: [0; CLASSES], top: 0, end: 0 }) }
    }
}

/// The list a layout's blocks are in; `None` past the largest block.
fn class(layout: Layout) -> Option<usize> {
    let size = layout.size().max(layout.align()).max(SMALLEST).checked_next_power_of_two()?;
    let class = size.trailing_zeros() as usize;
    (class < CLASSES).then_some(class)
}

impl State {
    /// A new block of `size` bytes aligned to `align`, cut from the top
    /// (the memory grown when it has no room); 0 when memory is exhausted.
    fn cut(&mut self, size: usize, align: usize) -> usize {
        // Checked sums: near the top of a 4 GiB memory they would wrap.
        let start = self.top.checked_add(align - 1).map(|top| top & !(align - 1));
        match start.and_then(|start| Some((start, start.checked_add(size)?))) {
            Some((start, end)) if self.end != 0 && end <= self.end => {
                self.top = end;
                start
            }
            _ => {
                // Room for the block at any alignment up to its own size.
                let Some(need) = size.checked_add(align) else { return 0 };
                let pages = need.div_ceil(PAGE);
                let first = memory_grow(0, pages);
                if first == usize::MAX {
                    return 0;
                }
                let Some((from, to)) = first.checked_mul(PAGE).zip((first + pages).checked_mul(PAGE)) else {
                    return 0;
                };
                // The memory grown follows the old top when nothing else
                // grew it meanwhile; the old room is then kept.
                if from != self.end || self.end == 0 {
                    self.top = from;
                }
                self.end = to;
                self.cut(size, align)
            }
        }
    }
}

unsafe impl GlobalAlloc for SizeClasses {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = class(layout) else { return null_mut() };
        // SAFETY: one thread, and no allocation runs inside another.
        let state = unsafe { &mut *self.state.get() };
        let head = state.free[class];
        // A free block is 8-aligned at least; a stricter alignment gets a
        // new block.
        if head != 0 && layout.align() <= SMALLEST {
            // SAFETY: `head` is a free block of this list: its first word
            // is the next one's address.
            state.free[class] = unsafe { *(head as *const usize) };
            return head as *mut u8;
        }
        state.cut(1 << class, layout.align().max(SMALLEST)) as *mut u8
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(class) = class(layout) else { return };
        // SAFETY: one thread; `ptr` is a block of this list's size that the
        // caller gives up, so its first word is ours to write.
        let state = unsafe { &mut *self.state.get() };
        unsafe { *(ptr as *mut usize) = state.free[class] };
        state.free[class] = ptr as usize;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller promises `new_size` rounded to `layout.align()`
        // does not overflow (GlobalAlloc::realloc's contract).
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(new_layout).is_some() && class(new_layout) == class(layout) {
            // The block already has room.
            return ptr;
        }
        // SAFETY: as GlobalAlloc's own default: a new block, the bytes both
        // have copied, the old block freed.
        unsafe {
            let new = self.alloc(new_layout);
            if !new.is_null() {
                core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            new
        }
    }
}
