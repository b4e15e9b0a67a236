// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IGuardTypes} from "./IGuardTypes.sol";

/// @notice The two functions of a Safe (v1.5.0) the module uses; `operation` 0 = CALL.
interface ISafeForModule {
    function execTransactionFromModule(address to, uint256 value, bytes memory data, uint8 operation)
        external
        returns (bool success);
    function isOwner(address owner) external view returns (bool);
}

/// @title GuardStorage
/// @notice Constants, packed storage and shared internal reads of SextantGuardModule and its governance part
///         (both inherit this layout; the governance part runs by DELEGATECALL on the module's storage).
/// @dev Packed so that a guarded call touches few slots: the config slot, the key slot, one rate-limit slot, per
///      token the rule slot, the ledger slot, one ledger entry and the key's budget slot.
abstract contract GuardStorage is IGuardTypes {
    uint256 public constant MAX_TOKENS = 16;
    uint256 public constant MAX_CALLS = 16;
    uint256 public constant MAX_BATCH_DEPTH = 4;
    uint256 public constant MAX_CONDITIONS = 8;
    uint256 public constant MAX_LEDGER_ENTRIES = 64;
    uint256 public constant MAX_RATE_LIMIT_CALLS = 64;
    uint64 public constant MAX_TIMELOCK = 30 days;
    address public constant PERMIT2 = 0x000000000022D473030F116dDEE9F6B43aC78BA3;
    uint112 internal constant _UNLIMITED = type(uint112).max;

    bytes32 internal constant _DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 public constant INTENT_TYPEHASH = keccak256(
        "Intent(address safe,address module,address sessionKey,address to,uint256 value,bytes32 dataHash,uint256 nonce,uint256 expiry)"
    );

    /// @dev Transient-storage slot of the execute lock (keccak256("sextant.vault.lock") - 1).
    bytes32 internal constant _LOCK_SLOT = 0x393825591810dc1ec8272dd2f0d01afdef66995013566b6d228c1c07ef16faad;

    /// @dev One slot: read once per execute.
    struct Config {
        bool paused;
        bool isSealed;
        uint16 keyEpoch;
        uint32 changeEpoch;
        uint64 timelock;
        uint32 lastGeneration;
        uint8 lastTokenId;
    }

    /// @dev Read-only in execute. windowSeconds == 0: no rule.
    struct RuleSlot {
        uint112 perTxCap;
        uint112 approvalThreshold;
        uint32 windowSeconds;
    }

    /// @dev Ring of entries [tail, head) (indices mod MAX_LEDGER_ENTRIES, which divides 256, so `uint8(head - tail)`
    ///      is the number held); `total` = sum of the entries held. `tokenId` (0 = none) is given when the token's
    ///      first rule is set and never changes or moves to another token (the ledger outlives its rule); ids
    ///      1..16 index `KeySlot.unlimitedTokens`.
    struct Ledger {
        uint112 windowCap;
        uint112 total;
        uint8 head;
        uint8 tail;
        uint8 tokenId;
    }

    /// @dev generation == 0 or epoch != keyEpoch: not active. Budgets and rate history hang off the generation.
    ///      `unlimitedTokens` caches the budgets: bit (id - 1) set => the key's budget of the token with tokenId id
    ///      is unlimited (kept in step by addSessionKey and setKeyBudget), so execute skips that budget slot; a
    ///      clear bit means "read the budget slot". rateLimitCalls <= MAX_RATE_LIMIT_CALLS fits a uint8.
    struct KeySlot {
        uint40 validAfter;
        uint40 validUntil;
        uint32 maxUses;
        uint32 uses;
        uint8 rateLimitCalls;
        uint32 rateLimitWindow;
        uint8 rateIdx;
        uint16 epoch;
        uint32 generation;
        uint16 unlimitedTokens;
    }

    struct Budget {
        uint112 amount;
        uint112 spent;
    }

    struct Target {
        bool allowed;
        ParamCondition[] conditions;
    }

    address internal immutable _safe;

    Config internal _config;
    mapping(address account => bool) internal _guardians;
    address[] internal _tokenList;
    mapping(address token => RuleSlot) internal _rules;
    mapping(address token => Ledger) internal _ledgers;
    /// @dev token => ring index => timestamp << 216 | amount
    mapping(address token => mapping(uint256 index => uint256)) internal _entries;
    mapping(address account => bool) internal _recipients;
    mapping(address target => mapping(bytes4 selector => Target)) internal _targets;
    mapping(address key => KeySlot) internal _keys;
    /// @dev generation => slot => six uint40 timestamps
    mapping(uint32 generation => mapping(uint256 slot => uint256)) internal _rateRing;
    mapping(uint32 generation => mapping(address token => Budget)) internal _budgets;
    mapping(uint256 nonce => bool) internal _usedNonces;
    /// @dev id => 1 << 255 | changeEpoch << 64 | eta
    mapping(bytes32 id => uint256) internal _changes;
    uint256 internal _nextChangeNonce;

    constructor(address safe_) {
        _safe = safe_;
    }

    function _isActive(KeySlot memory k) internal view returns (bool) {
        return k.generation != 0 && k.epoch == _config.keyEpoch;
    }

    /// @dev Exact sum and count of the ledger's entries with timestamp > now - windowSeconds.
    function _exactWindow(address token, Ledger memory l, uint32 windowSeconds)
        internal
        view
        returns (uint256 sum, uint256 live)
    {
        unchecked {
            for (uint8 i = l.tail; i != l.head; ++i) {
                uint256 e = _entries[token][i % MAX_LEDGER_ENTRIES];
                if ((e >> 216) + windowSeconds > block.timestamp) {
                    sum += uint216(e);
                    ++live;
                }
            }
        }
    }

    /// @dev The bit of `KeySlot.unlimitedTokens` for a token id; 0 when the id has none (0 or above 16).
    function _tokenBit(uint8 tokenId) internal pure returns (uint16) {
        return tokenId == 0 || tokenId > 16 ? 0 : uint16(1 << (tokenId - 1));
    }

    function _rateTimestamp(uint32 generation, uint256 index) internal view returns (uint256) {
        return (_rateRing[generation][index / 6] >> ((index % 6) * 40)) & type(uint40).max;
    }

    function _intentDigest(
        address key,
        address to,
        uint256 value,
        bytes32 dataHash,
        uint256 nonce,
        uint256 expiry,
        address safe_,
        address module
    ) internal view returns (bytes32) {
        bytes32 structHash =
            keccak256(abi.encode(INTENT_TYPEHASH, safe_, module, key, to, value, dataHash, nonce, expiry));
        return keccak256(abi.encodePacked("\x19\x01", _domainSeparator(), structHash));
    }

    function _domainSeparator() internal view returns (bytes32) {
        return keccak256(
            abi.encode(
                _DOMAIN_TYPEHASH, keccak256("SextantGuardModule"), keccak256("1"), block.chainid, address(this)
            )
        );
    }

    function _locked() internal view returns (bool l) {
        bytes32 slot = _LOCK_SLOT;
        assembly {
            l := tload(slot)
        }
    }
}
