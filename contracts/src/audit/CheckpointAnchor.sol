// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {MerkleConsistency} from "./MerkleConsistency.sol";

/// @title CheckpointAnchor
/// @notice On-chain witness for RFC 6962 / RFC 9162 transparency logs. Each log's checkpoints (tree size, root
///         hash) are anchored in order, and a new one is accepted only with a valid consistency proof from the last
///         one, so a history that was rewritten after it was anchored can never be anchored.
/// @dev Log ids are namespaced by their operator: `logId = keccak256(abi.encode(operator, originHash))`, where
///      `originHash` is keccak256 of the log's origin line (the first line of its C2SP checkpoint, e.g.
///      `keccak256("example.com/log")`). Anyone may register, so a bare origin hash could be squatted and filled with
///      a fake history; readers instead look up `logIdOf(operator, originHash)` for the operator they trust.
contract CheckpointAnchor {
    /// @notice The last anchored checkpoint of a log and when it was anchored.
    /// @param root RFC 6962 root hash of the first `size` entries.
    /// @param size Tree size (number of entries); 0 until the first anchor.
    /// @param blockNumber Block of the anchoring transaction.
    /// @param timestamp Timestamp of that block.
    /// @param anchorCount Checkpoints anchored for this log so far.
    struct Checkpoint {
        bytes32 root;
        uint64 size;
        uint64 blockNumber;
        uint64 timestamp;
        uint64 anchorCount;
    }

    mapping(bytes32 logId => Checkpoint) private _checkpoints;
    mapping(bytes32 logId => address) private _operators;
    mapping(bytes32 logId => mapping(address account => bool)) private _submitters;

    /// @notice A log was registered by `operator` for the origin hashed as `originHash`.
    event LogRegistered(bytes32 indexed logId, address indexed operator, bytes32 originHash);
    /// @notice The operator allowed (`allowed`) or stopped `submitter` anchoring checkpoints of the log.
    event SubmitterSet(bytes32 indexed logId, address indexed submitter, bool allowed);
    /// @notice A checkpoint was anchored; `previousSize` is 0 for a log's first anchor.
    event CheckpointAnchored(bytes32 indexed logId, uint64 size, bytes32 root, uint64 previousSize);

    /// @notice The caller already registered a log for this origin.
    error Anchor_LogExists(bytes32 logId);
    /// @notice No log is registered under this id.
    error Anchor_UnknownLog(bytes32 logId);
    /// @notice Only the log's operator may manage its submitters.
    error Anchor_NotOperator(bytes32 logId, address caller);
    /// @notice The caller is neither the log's operator nor one of its submitters.
    error Anchor_NotSubmitter(bytes32 logId, address caller);
    /// @notice A checkpoint of size 0 (the empty tree) witnesses nothing.
    error Anchor_EmptyTree();
    /// @notice The checkpoint is not larger than the last anchored one.
    error Anchor_NotNewer(uint64 size, uint64 latestSize);
    /// @notice The proof has the wrong number of hashes for these two sizes.
    error Anchor_BadProofLength(uint256 expected, uint256 actual);
    /// @notice The checkpoint is not an append-only extension of the last anchored one (the proof does not verify,
    ///         or the root differs from the anchored root of the same size).
    error Anchor_InconsistentProof(uint64 latestSize, uint64 size);

    /// @notice Registers a log with the caller as operator, and optionally a first submitter.
    /// @param originHash keccak256 of the log's origin line.
    /// @param submitter An address allowed to anchor besides the operator, or address(0) for none.
    /// @return logId `logIdOf(msg.sender, originHash)`.
    function registerLog(bytes32 originHash, address submitter) external returns (bytes32 logId) {
        logId = logIdOf(msg.sender, originHash);
        if (_operators[logId] != address(0)) revert Anchor_LogExists(logId);
        _operators[logId] = msg.sender;
        emit LogRegistered(logId, msg.sender, originHash);
        if (submitter != address(0)) _setSubmitter(logId, submitter, true);
    }

    /// @notice Allows or stops `submitter` anchoring checkpoints of the log. Only the log's operator.
    /// @param logId The log.
    /// @param submitter The address to allow or stop.
    /// @param allowed Whether it may anchor.
    function setSubmitter(bytes32 logId, address submitter, bool allowed) external {
        address operator = _operatorOf(logId);
        if (msg.sender != operator) revert Anchor_NotOperator(logId, msg.sender);
        _setSubmitter(logId, submitter, allowed);
    }

    /// @notice Anchors the checkpoint (`size`, `root`) of a log. Only its operator or a submitter.
    /// @dev The first anchor takes any size > 0 and an empty proof. Later ones need a larger size and an RFC 9162
    ///      consistency proof from the last anchored checkpoint.
    /// @param logId The log.
    /// @param size Tree size of the checkpoint.
    /// @param root Root hash of the checkpoint.
    /// @param proof Consistency proof from the last anchored checkpoint to this one (empty for the first).
    function anchor(bytes32 logId, uint64 size, bytes32 root, bytes32[] calldata proof) external {
        address operator = _operatorOf(logId);
        if (msg.sender != operator && !_submitters[logId][msg.sender]) {
            revert Anchor_NotSubmitter(logId, msg.sender);
        }
        Checkpoint memory last = _checkpoints[logId];
        (uint64 latestSize, bytes32 latestRoot) = (last.size, last.root);
        if (size == 0) revert Anchor_EmptyTree();
        if (latestSize == 0) {
            if (proof.length != 0) revert Anchor_BadProofLength(0, proof.length);
        } else {
            if (size == latestSize && root != latestRoot) revert Anchor_InconsistentProof(latestSize, size);
            if (size <= latestSize) revert Anchor_NotNewer(size, latestSize);
            if (!MerkleConsistency.verify(latestSize, size, latestRoot, root, proof)) {
                uint256 expected = MerkleConsistency.proofLength(latestSize, size);
                if (proof.length != expected) revert Anchor_BadProofLength(expected, proof.length);
                revert Anchor_InconsistentProof(latestSize, size);
            }
        }
        _checkpoints[logId] = Checkpoint({
            root: root,
            size: size,
            blockNumber: uint64(block.number),
            timestamp: uint64(block.timestamp),
            anchorCount: last.anchorCount + 1
        });
        emit CheckpointAnchored(logId, size, root, latestSize);
    }

    /// @notice The last anchored checkpoint of a log (all zero until its first anchor).
    /// @param logId The log.
    function latest(bytes32 logId) external view returns (Checkpoint memory) {
        _operatorOf(logId);
        return _checkpoints[logId];
    }

    /// @notice The operator of a log.
    /// @param logId The log.
    function operatorOf(bytes32 logId) external view returns (address) {
        return _operatorOf(logId);
    }

    /// @notice Whether `account` may anchor checkpoints of the log (its operator or a submitter).
    /// @param logId The log.
    /// @param account The address to check.
    function isSubmitter(bytes32 logId, address account) external view returns (bool) {
        return account == _operatorOf(logId) || _submitters[logId][account];
    }

    /// @notice Whether `proof` is a valid RFC 9162 consistency proof from (`size1`, `root1`) to (`size2`, `root2`),
    ///         with the transparency-dev/merkle reference's rules (`size1 == 0` is always rejected).
    /// @param size1 Size of the older tree.
    /// @param size2 Size of the newer tree.
    /// @param root1 Root hash of the older tree.
    /// @param root2 Root hash of the newer tree.
    /// @param proof The proof hashes, in RFC 6962 §2.1.2 order.
    function verifyConsistency(uint64 size1, uint64 size2, bytes32 root1, bytes32 root2, bytes32[] calldata proof)
        external
        view
        returns (bool)
    {
        return MerkleConsistency.verify(size1, size2, root1, root2, proof);
    }

    /// @notice The id of the log that `operator` registers for the origin hashed as `originHash`.
    /// @param operator The registering address.
    /// @param originHash keccak256 of the log's origin line.
    function logIdOf(address operator, bytes32 originHash) public pure returns (bytes32) {
        return keccak256(abi.encode(operator, originHash));
    }

    function _setSubmitter(bytes32 logId, address submitter, bool allowed) private {
        _submitters[logId][submitter] = allowed;
        emit SubmitterSet(logId, submitter, allowed);
    }

    function _operatorOf(bytes32 logId) private view returns (address operator) {
        operator = _operators[logId];
        if (operator == address(0)) revert Anchor_UnknownLog(logId);
    }
}
